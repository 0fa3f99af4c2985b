#pragma once
// A migrated temp database with local accounts and known remote ones, and an enqueue that records what would be
// delivered: the ground for tests of the social graph, relationships and search.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "federation/handlers/handler_context.hpp"
#include "federation/local_urls.hpp"
#include "services/accounts.hpp"
#include "services/instance_actor.hpp"
#include "services/outbox.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/ids.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

namespace vmst::testing {

struct Delivered {
  int64_t sender;
  nlohmann::json activity;
  std::vector<std::string> inboxes;
};

struct SocialFixture {
  TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  federation::LocalUrls urls{"https://vmst.test"};
  std::vector<Delivered> delivered;
  federation::EnqueueDelivery enqueue = [this](store::Connection&, int64_t sender, const std::string& body,
                                               const std::vector<std::string>& inboxes, int64_t) {
    delivered.push_back({sender, nlohmann::json::parse(body), inboxes});
  };

  SocialFixture() {
    store::apply_migrations(db);
    services::ensure_instance_actor(db, urls, "vmst.test");
  }

  store::AccountRecord local(const std::string& username) {
    auto created = services::create_local_account(db, urls, {username, username + "@example.org", std::nullopt, "user"});
    return reload(created.account_id);
  }

  store::AccountRecord remote(const std::string& username, const std::string& domain = "remote.example") {
    store::RemoteAccountRow row;
    row.uri = "https://" + domain + "/users/" + username;
    row.username = username;
    row.domain = domain;
    row.actor_type = "Person";
    row.inbox_url = row.uri + "/inbox";
    row.shared_inbox_url = "https://" + domain + "/inbox";
    row.fetched_at = 1;
    int64_t id = db.write([&](store::Connection& c) { return store::upsert_remote_account(c, row, store::next_id()); });
    return reload(id);
  }

  store::AccountRecord reload(int64_t id) {
    return *db.read([&](store::Connection& c) { return store::find_account(c, id); });
  }

  // Runs fn(c, outbox) in one write transaction, as the API handlers do.
  template <class Fn>
  void write(Fn&& fn) {
    services::Outbox outbox(enqueue);
    db.write([&](store::Connection& c) { fn(c, outbox); });
  }

  std::vector<std::string> delivered_types() const {
    std::vector<std::string> out;
    for (const auto& d : delivered) out.push_back(d.activity.value("type", ""));
    return out;
  }
};

}  // namespace vmst::testing
