#include "services/instance_actor.hpp"

#include "crypto/rsa_keys.hpp"
#include "store/ids.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

store::AccountRecord ensure_instance_actor(store::Database& db, const federation::LocalUrls& urls,
                                           const std::string& domain) {
  if (auto existing = db.read([](store::Connection& c) { return store::find_instance_actor(c); })) return *existing;

  auto keys = crypto::generate_rsa_keypair();
  store::NewInstanceActor actor;
  actor.account_id = store::next_id();
  actor.username = domain;
  actor.uri = urls.instance_actor();
  actor.url = urls.instance_actor_page();
  actor.inbox_url = urls.instance_actor_inbox();
  actor.outbox_url = urls.instance_actor_outbox();
  actor.shared_inbox_url = urls.shared_inbox();
  actor.public_key_id = urls.instance_actor_key_id();
  actor.public_key_pem = keys.public_pem;
  actor.private_key_pem = keys.private_pem;
  actor.created_at = now_millis();
  return db.write([&](store::Connection& c) {
    // Another process may have created it meanwhile; the write lock makes this check final.
    if (auto existing = store::find_instance_actor(c)) return *existing;
    store::insert_instance_actor(c, actor);
    return *store::find_account(c, actor.account_id);
  });
}

}  // namespace vmst::services
