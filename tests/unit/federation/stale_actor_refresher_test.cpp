#include "federation/stale_actor_refresher.hpp"

#include <catch2/catch.hpp>

#include "services/instance_actor.hpp"
#include "store/ids.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"
#include "time/timestamps.hpp"

using namespace vmst;

namespace {

struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  federation::LocalUrls urls{"https://vmst.test"};
  // Private addresses refused and no such host: every fetch fails.
  federation::ActorResolver resolver{db, net::NetPolicy{false, false, "t"}, urls};

  Fixture() {
    store::apply_migrations(db);
    services::ensure_instance_actor(db, urls, "vmst.test");
  }

  store::AccountRecord remote(const std::string& username, int64_t fetched_at) {
    store::RemoteAccountRow row;
    row.uri = "https://remote.invalid/users/" + username;
    row.username = username;
    row.domain = "remote.invalid";
    row.actor_type = "Person";
    row.display_name = "Old name";
    row.inbox_url = row.uri + "/inbox";
    row.public_key_id = row.uri + "#main-key";
    row.fetched_at = fetched_at;
    int64_t id = db.write([&](store::Connection& c) { return store::upsert_remote_account(c, row, store::next_id()); });
    return *db.read([&](store::Connection& c) { return store::find_account(c, id); });
  }
};

}  // namespace

TEST_CASE("an actor fetched more than a day ago is stale, a fresher one is not", "[stale_actors]") {
  const int64_t now = 10LL * 24 * 3600 * 1000;
  store::AccountRecord account;
  account.domain = "remote.invalid";
  account.last_fetched_at = now - federation::kActorStaleAfterMillis - 1;
  CHECK(federation::actor_is_stale(account, now));
  account.last_fetched_at = now - 3600 * 1000;
  CHECK_FALSE(federation::actor_is_stale(account, now));
  account.last_fetched_at.reset();
  CHECK(federation::actor_is_stale(account, now));
  account.domain.reset();  // local accounts never go stale
  CHECK_FALSE(federation::actor_is_stale(account, now));
}

TEST_CASE("only a stale actor is queued for a refresh, and one actor once", "[stale_actors]") {
  Fixture f;
  auto stale = f.remote("old", now_millis() - 2 * federation::kActorStaleAfterMillis);
  auto fresh = f.remote("new", now_millis());
  federation::StaleActorRefresher refresher(f.resolver);
  refresher.refresh_if_stale(fresh, now_millis());
  CHECK(refresher.refresh_pending() == 0);
  refresher.refresh_if_stale(stale, now_millis());
  refresher.refresh_if_stale(stale, now_millis());
  CHECK(refresher.refresh_pending() == 1);
}

TEST_CASE("a failed refresh keeps the stored actor, which may be queued again", "[stale_actors]") {
  Fixture f;
  auto stale = f.remote("old", now_millis() - 2 * federation::kActorStaleAfterMillis);
  federation::StaleActorRefresher refresher(f.resolver);
  refresher.request(stale.uri);
  refresher.request(stale.uri);
  CHECK(refresher.refresh_pending() == 1);  // the duplicate request was dropped
  auto kept = *f.db.read([&](store::Connection& c) { return store::find_account(c, stale.id); });
  CHECK(kept.display_name == "Old name");
  CHECK(kept.last_fetched_at == stale.last_fetched_at);
  refresher.request(stale.uri);  // once done, the actor may be queued again
  CHECK(refresher.refresh_pending() == 1);
}
