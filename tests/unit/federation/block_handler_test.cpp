#include "federation/handlers/block_handler.hpp"

#include <catch2/catch.hpp>

#include "federation/activity_dispatch.hpp"
#include "services/accounts.hpp"
#include "services/instance_actor.hpp"
#include "services/relationships.hpp"
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

  json block(const std::string& id) const {
    return {{"id", id}, {"type", "Block"}, {"actor", bob.uri}, {"object", alice.uri}};
  }
  json undo(const json& object) const {
    return {{"id", bob.uri + "#undo"}, {"type", "Undo"}, {"actor", bob.uri}, {"object", object}};
  }
  bool blocked_by_bob() {
    return db.read([&](store::Connection& c) { return services::relationship(c, alice.id, bob.id, 0).blocked_by; });
  }
  void follow_both_ways() {
    db.write([&](store::Connection& c) {
      store::insert_follow(c, store::next_id(), alice.id, bob.id, std::string("https://vmst.test/follows/1"), 0);
      store::insert_follow(c, store::next_id(), bob.id, alice.id, std::string("https://remote.example/follows/2"), 0);
    });
  }
  bool follows(int64_t from, int64_t to) {
    return db.read([&](store::Connection& c) { return store::is_following(c, from, to); });
  }
  bool requested(int64_t from, int64_t to) {
    return db.read([&](store::Connection& c) { return store::has_follow_request(c, from, to); });
  }
};

}  // namespace

TEST_CASE("an incoming Block ends follows both ways and shows as blocked_by", "[block_handler]") {
  Fixture f;
  f.follow_both_ways();
  federation::dispatch_activity(f.ctx, f.block("https://remote.example/blocks/1"), f.bob, 1000);
  CHECK(f.blocked_by_bob());
  CHECK_FALSE(f.follows(f.alice.id, f.bob.id));
  CHECK_FALSE(f.follows(f.bob.id, f.alice.id));
  // What Mastodon sends: Undo of alice's Follow and Reject of bob's, both to bob, signed by alice.
  REQUIRE(f.enqueued.size() == 2);
  CHECK(f.enqueued[0].sender == f.alice.id);
  CHECK(f.enqueued[0].activity["type"] == "Undo");
  CHECK(f.enqueued[0].activity["object"]["id"] == "https://vmst.test/follows/1");
  CHECK(f.enqueued[1].activity["type"] == "Reject");
  CHECK(f.enqueued[1].activity["object"]["id"] == "https://remote.example/follows/2");
  CHECK(f.enqueued[1].inboxes == std::vector<std::string>{f.bob.inbox_url});
  CHECK(f.wakes == 1);
}

TEST_CASE("an incoming Block drops pending requests either way without telling the blocker", "[block_handler]") {
  Fixture f;
  f.db.write([&](store::Connection& c) {
    store::insert_follow_request(c, store::next_id(), f.alice.id, f.bob.id, std::string("https://vmst.test/f/1"), 0);
    store::insert_follow_request(c, store::next_id(), f.bob.id, f.alice.id, std::string("https://remote.example/f/2"), 0);
  });
  federation::dispatch_activity(f.ctx, f.block("https://remote.example/blocks/1"), f.bob, 1000);
  CHECK_FALSE(f.requested(f.alice.id, f.bob.id));
  CHECK_FALSE(f.requested(f.bob.id, f.alice.id));
  CHECK(f.enqueued.empty());
  CHECK(f.blocked_by_bob());
}

TEST_CASE("a replayed Block changes nothing and sends nothing", "[block_handler]") {
  Fixture f;
  f.follow_both_ways();
  federation::dispatch_activity(f.ctx, f.block("https://remote.example/blocks/1"), f.bob, 1000);
  // alice follows bob again before the replay arrives: the replay must not sever it a second time.
  f.db.write([&](store::Connection& c) { store::insert_follow(c, store::next_id(), f.alice.id, f.bob.id, std::nullopt, 0); });
  federation::dispatch_activity(f.ctx, f.block("https://remote.example/blocks/1"), f.bob, 2000);
  CHECK(f.follows(f.alice.id, f.bob.id));
  CHECK(f.enqueued.size() == 2);
  CHECK(f.blocked_by_bob());
}

TEST_CASE("Undo of a Block lifts it, whether the Block is embedded or only its id", "[block_handler]") {
  Fixture f;
  federation::dispatch_activity(f.ctx, f.block("https://remote.example/blocks/1"), f.bob, 1000);
  federation::dispatch_activity(f.ctx, f.undo(f.block("https://remote.example/blocks/1")), f.bob, 2000);
  CHECK_FALSE(f.blocked_by_bob());

  federation::dispatch_activity(f.ctx, f.block("https://remote.example/blocks/2"), f.bob, 3000);
  CHECK(f.blocked_by_bob());
  federation::dispatch_activity(f.ctx, f.undo("https://remote.example/blocks/2"), f.bob, 4000);
  CHECK_FALSE(f.blocked_by_bob());
  CHECK(f.enqueued.empty());
}

TEST_CASE("only the blocker can undo its Block", "[block_handler]") {
  Fixture f;
  federation::dispatch_activity(f.ctx, f.block("https://remote.example/blocks/1"), f.bob, 1000);
  store::RemoteAccountRow row;
  row.uri = "https://other.example/users/eve";
  row.username = "eve";
  row.domain = "other.example";
  row.actor_type = "Person";
  row.inbox_url = "https://other.example/users/eve/inbox";
  row.fetched_at = 1;
  auto eve = *f.db.read([&](store::Connection& c) {
    return store::find_account(c, f.db.write([&](store::Connection& w) {
      return store::upsert_remote_account(w, row, store::next_id());
    }));
  });
  json undo = f.undo("https://remote.example/blocks/1");
  undo["actor"] = eve.uri;
  federation::dispatch_activity(f.ctx, undo, eve, 2000);
  json embedded = f.undo(f.block("https://remote.example/blocks/1"));
  embedded["actor"] = eve.uri;
  federation::dispatch_activity(f.ctx, embedded, eve, 2000);
  CHECK(f.blocked_by_bob());
}

TEST_CASE("a blocker's notifications no longer reach the account it blocks", "[block_handler]") {
  Fixture f;
  f.db.write([&](store::Connection& c) {
    store::insert_notification(c, {store::next_id(), f.alice.id, f.bob.id, "mention", std::nullopt, 500});
  });
  auto count = [&] {
    store::NotificationScope scope{f.alice.id, {"mention"}, std::nullopt, 2000};
    return f.db.read([&](store::Connection& c) { return store::notification_page(c, scope, store::IdPage{}).size(); });
  };
  CHECK(count() == 1);
  federation::dispatch_activity(f.ctx, f.block("https://remote.example/blocks/1"), f.bob, 1000);
  CHECK(count() == 0);
}
