#include "federation/handlers/follow_handler.hpp"

#include <catch2/catch.hpp>

#include "federation/activity_dispatch.hpp"
#include "services/accounts.hpp"
#include "services/instance_actor.hpp"
#include "store/follow_store.hpp"
#include "store/ids.hpp"
#include "store/migrations.hpp"
#include "store/notification_store.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;
using nlohmann::json;

namespace {

struct Enqueued {
  int64_t sender;
  json activity;
  std::vector<std::string> inboxes;
};

struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  federation::LocalUrls urls{"https://vmst.test"};
  federation::ActorResolver resolver{db, net::NetPolicy{false, false, "t"}, urls};
  std::vector<Enqueued> enqueued;
  int wakes = 0;
  federation::HandlerContext ctx{db, resolver, urls,
                                 [this](store::Connection&, int64_t sender, const std::string& body,
                                        const std::vector<std::string>& inboxes, int64_t) {
                                   enqueued.push_back({sender, json::parse(body), inboxes});
                                 },
                                 [this] { ++wakes; }, {}, {}};
  store::AccountRecord alice, bob;

  Fixture() {
    store::apply_migrations(db);
    services::ensure_instance_actor(db, urls, "vmst.test");
    auto created = services::create_local_account(db, urls, {"alice", "alice@example.org", std::nullopt, "user"});
    store::RemoteAccountRow row;
    row.uri = "https://remote.example/users/bob";
    row.username = "bob";
    row.domain = "remote.example";
    row.actor_type = "Person";
    row.inbox_url = "https://remote.example/users/bob/inbox";
    row.shared_inbox_url = "https://remote.example/inbox";
    row.fetched_at = 1;
    int64_t bob_id = db.write([&](store::Connection& c) { return store::upsert_remote_account(c, row, store::next_id()); });
    alice = *db.read([&](store::Connection& c) { return store::find_account(c, created.account_id); });
    bob = *db.read([&](store::Connection& c) { return store::find_account(c, bob_id); });
  }

  json follow(const std::string& id) const {
    return {{"id", id}, {"type", "Follow"}, {"actor", bob.uri}, {"object", alice.uri}};
  }
  bool following() {
    return db.read([&](store::Connection& c) { return store::is_following(c, bob.id, alice.id); });
  }
  int64_t followers_of_alice() {
    return db.read([&](store::Connection& c) { return store::find_account(c, alice.id)->followers_count; });
  }
  std::vector<std::string> notification_types() {
    std::vector<std::string> out;
    for (const auto& n : db.read([&](store::Connection& c) { return store::notifications_for(c, alice.id, 10); })) {
      out.push_back(n.type);
    }
    return out;
  }
};

}  // namespace

TEST_CASE("a Follow of an open account is recorded, notified and accepted", "[follow_handler]") {
  Fixture f;
  federation::dispatch_activity(f.ctx, f.follow("https://remote.example/follows/1"), f.bob, 1000);
  CHECK(f.following());
  CHECK(f.followers_of_alice() == 1);
  CHECK(f.notification_types() == std::vector<std::string>{"follow"});
  REQUIRE(f.enqueued.size() == 1);
  const auto& accept = f.enqueued[0];
  CHECK(accept.sender == f.alice.id);
  CHECK(accept.inboxes == std::vector<std::string>{"https://remote.example/users/bob/inbox"});
  CHECK(accept.activity["type"] == "Accept");
  CHECK(accept.activity["actor"] == f.alice.uri);
  CHECK(accept.activity["object"]["id"] == "https://remote.example/follows/1");
  CHECK(accept.activity["object"]["actor"] == f.bob.uri);
  CHECK(f.wakes == 1);
}

TEST_CASE("a repeated Follow is accepted again without a second follow or notification", "[follow_handler]") {
  Fixture f;
  federation::dispatch_activity(f.ctx, f.follow("https://remote.example/follows/1"), f.bob, 1000);
  federation::dispatch_activity(f.ctx, f.follow("https://remote.example/follows/1"), f.bob, 2000);
  CHECK(f.followers_of_alice() == 1);
  CHECK(f.notification_types().size() == 1);
  CHECK(f.enqueued.size() == 2);
  CHECK(f.enqueued[1].activity["type"] == "Accept");
  CHECK(f.enqueued[0].activity["id"] != f.enqueued[1].activity["id"]);
}

TEST_CASE("a Follow of a locked account becomes a request with no answer yet", "[follow_handler]") {
  Fixture f;
  f.db.write([&](store::Connection& c) { c.exec("UPDATE accounts SET locked = 1 WHERE username = 'alice'"); });
  f.alice.locked = true;
  federation::dispatch_activity(f.ctx, f.follow("https://remote.example/follows/2"), f.bob, 1000);
  CHECK_FALSE(f.following());
  CHECK(f.db.read([&](store::Connection& c) { return store::has_follow_request(c, f.bob.id, f.alice.id); }));
  CHECK(f.notification_types() == std::vector<std::string>{"follow_request"});
  CHECK(f.enqueued.empty());
}

TEST_CASE("a Follow from a blocked actor is rejected", "[follow_handler]") {
  Fixture f;
  f.db.write([&](store::Connection& c) {
    auto& q = c.prepare("INSERT INTO blocks (id, account_id, target_account_id, created_at) VALUES (1, ?, ?, 0)");
    q.bind(1, f.alice.id);
    q.bind(2, f.bob.id);
    q.exec();
  });
  federation::dispatch_activity(f.ctx, f.follow("https://remote.example/follows/3"), f.bob, 1000);
  CHECK_FALSE(f.following());
  REQUIRE(f.enqueued.size() == 1);
  CHECK(f.enqueued[0].activity["type"] == "Reject");
}

TEST_CASE("Undo of a Follow removes it, whether the Follow is embedded or only its id", "[follow_handler]") {
  Fixture f;
  federation::dispatch_activity(f.ctx, f.follow("https://remote.example/follows/4"), f.bob, 1000);
  json undo = {{"type", "Undo"}, {"actor", f.bob.uri}, {"object", f.follow("https://remote.example/follows/4")}};
  federation::dispatch_activity(f.ctx, undo, f.bob, 2000);
  CHECK_FALSE(f.following());
  CHECK(f.followers_of_alice() == 0);
  CHECK(f.notification_types().empty());

  federation::dispatch_activity(f.ctx, f.follow("https://remote.example/follows/5"), f.bob, 3000);
  CHECK(f.following());
  json undo_by_id = {{"type", "Undo"}, {"actor", f.bob.uri}, {"object", "https://remote.example/follows/5"}};
  federation::dispatch_activity(f.ctx, undo_by_id, f.bob, 4000);
  CHECK_FALSE(f.following());
}

TEST_CASE("a Follow aimed at a remote or unknown actor changes nothing", "[follow_handler]") {
  Fixture f;
  json follow = f.follow("https://remote.example/follows/6");
  follow["object"] = "https://vmst.test/users/nobody";
  federation::dispatch_activity(f.ctx, follow, f.bob, 1000);
  follow["object"] = f.bob.uri;
  federation::dispatch_activity(f.ctx, follow, f.bob, 1000);
  CHECK(f.enqueued.empty());
  CHECK(f.notification_types().empty());
}
