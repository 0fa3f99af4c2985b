// Following, unfollowing, follow requests, blocks and mutes started by local users, and what each sends to remote
// servers.
#include <catch2/catch.hpp>

#include "services/blocks.hpp"
#include "services/follows.hpp"
#include "services/mutes.hpp"
#include "services/relationships.hpp"
#include "services/service_error.hpp"
#include "store/account_domain_block_store.hpp"
#include "store/follow_store.hpp"
#include "store/notification_store.hpp"
#include "store/status_store.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;
using services::ServiceError;

namespace {

struct Graph : testing::SocialFixture {
  store::AccountRecord alice = local("alice"), bob = local("bob"), rita = remote("rita");

  bool follows(const store::AccountRecord& a, const store::AccountRecord& b) {
    return db.read([&](store::Connection& c) { return store::is_following(c, a.id, b.id); });
  }
  bool requested(const store::AccountRecord& a, const store::AccountRecord& b) {
    return db.read([&](store::Connection& c) { return store::has_follow_request(c, a.id, b.id); });
  }
  std::vector<std::string> notifications_of(const store::AccountRecord& a) {
    std::vector<std::string> out;
    for (auto& n : db.read([&](store::Connection& c) { return store::notifications_for(c, a.id, 10); })) {
      out.push_back(n.type);
    }
    return out;
  }
  void lock(store::AccountRecord& a) {
    db.write([&](store::Connection& c) {
      auto& q = c.prepare("UPDATE accounts SET locked = 1 WHERE id = ?");
      q.bind(1, a.id);
      q.exec();
    });
    a.locked = true;
  }
  int64_t post(const store::AccountRecord& author, const std::string& visibility) {
    store::StatusRecord s;
    s.id = store::next_id();
    s.uri = author.uri + "/statuses/" + std::to_string(s.id);
    s.account_id = author.id;
    s.local = author.local();
    s.visibility = visibility;
    s.created_at = s.updated_at = 1;
    db.write([&](store::Connection& c) { store::insert_status(c, s); });
    return s.id;
  }
  std::vector<int64_t> home_of(const store::AccountRecord& a) {
    return db.read([&](store::Connection& c) {
      std::vector<int64_t> out;
      auto& q = c.prepare("SELECT status_id FROM home_feed WHERE account_id = ? ORDER BY status_id");
      q.bind(1, a.id);
      while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
      return out;
    });
  }
};

ServiceError::Kind error_kind(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const ServiceError& e) {
    return e.kind();
  }
  FAIL("expected a ServiceError");
  return ServiceError::Kind::Unavailable;
}

}  // namespace

TEST_CASE("following an open local account is immediate, notified, and fills the home feed", "[social_graph]") {
  Graph g;
  const int64_t shown = g.post(g.bob, "public");
  const int64_t secret = g.post(g.bob, "direct");
  g.write([&](store::Connection& c, services::Outbox& out) { services::follow(c, out, g.alice, g.bob, {}, 1000); });
  CHECK(g.follows(g.alice, g.bob));
  CHECK(g.notifications_of(g.bob) == std::vector<std::string>{"follow"});
  CHECK(g.home_of(g.alice) == std::vector<int64_t>{shown});
  (void)secret;
  CHECK(g.delivered.empty());
  CHECK(g.reload(g.bob.id).followers_count == 1);

  g.write([&](store::Connection& c, services::Outbox& out) { services::unfollow(c, out, g.alice, g.bob, 2000); });
  CHECK_FALSE(g.follows(g.alice, g.bob));
  CHECK(g.notifications_of(g.bob).empty());
  CHECK(g.home_of(g.alice).empty());
}

TEST_CASE("following again changes only the options", "[social_graph]") {
  Graph g;
  g.write([&](store::Connection& c, services::Outbox& out) {
    services::follow(c, out, g.alice, g.bob, {false, true, std::vector<std::string>{"en"}}, 1000);
    services::follow(c, out, g.alice, g.bob, {std::nullopt, false, std::nullopt}, 2000);
  });
  auto row = g.db.read([&](store::Connection& c) { return store::find_follow(c, g.alice.id, g.bob.id); });
  REQUIRE(row);
  CHECK_FALSE(row->show_reblogs);
  CHECK_FALSE(row->notify);
  CHECK(row->languages_json == std::optional<std::string>(R"(["en"])"));
  CHECK(g.notifications_of(g.bob).size() == 1);
}

TEST_CASE("a locked local account gets a request that authorizing turns into a follow", "[social_graph]") {
  Graph g;
  g.lock(g.bob);
  g.write([&](store::Connection& c, services::Outbox& out) { services::follow(c, out, g.alice, g.bob, {}, 1000); });
  CHECK(g.requested(g.alice, g.bob));
  CHECK(g.notifications_of(g.bob) == std::vector<std::string>{"follow_request"});
  g.write([&](store::Connection& c, services::Outbox& out) {
    services::authorize_follow_request(c, out, g.bob, g.alice, 2000);
  });
  CHECK(g.follows(g.alice, g.bob));
  CHECK_FALSE(g.requested(g.alice, g.bob));
  CHECK(g.notifications_of(g.bob).empty());
  CHECK(g.delivered.empty());
  CHECK(error_kind([&] {
          g.write([&](store::Connection& c, services::Outbox& out) {
            services::authorize_follow_request(c, out, g.bob, g.alice, 3000);
          });
        }) == ServiceError::Kind::NotFound);
}

TEST_CASE("following a remote account sends a Follow and waits for the Accept", "[social_graph]") {
  Graph g;
  g.write([&](store::Connection& c, services::Outbox& out) { services::follow(c, out, g.alice, g.rita, {}, 1000); });
  CHECK(g.requested(g.alice, g.rita));
  CHECK_FALSE(g.follows(g.alice, g.rita));
  REQUIRE(g.delivered.size() == 1);
  const auto follow = g.delivered[0];  // a copy: later deliveries grow the vector
  CHECK(follow.sender == g.alice.id);
  CHECK(follow.inboxes == std::vector<std::string>{g.rita.inbox_url});
  CHECK(follow.activity["type"] == "Follow");
  CHECK(follow.activity["actor"] == g.alice.uri);
  CHECK(follow.activity["object"] == g.rita.uri);
  auto request = g.db.read([&](store::Connection& c) { return store::find_follow_request(c, g.alice.id, g.rita.id); });
  CHECK(request->uri == follow.activity["id"].get<std::string>());

  g.write([&](store::Connection& c, services::Outbox&) {
    CHECK(services::accept_outgoing_follow(c, g.alice, g.rita, 2000));
  });
  CHECK(g.follows(g.alice, g.rita));
  CHECK_FALSE(g.requested(g.alice, g.rita));

  g.write([&](store::Connection& c, services::Outbox& out) { services::unfollow(c, out, g.alice, g.rita, 3000); });
  CHECK_FALSE(g.follows(g.alice, g.rita));
  REQUIRE(g.delivered.size() == 2);
  const auto& undo = g.delivered[1].activity;
  CHECK(undo["type"] == "Undo");
  CHECK(undo["object"]["type"] == "Follow");
  CHECK(undo["object"]["id"] == follow.activity["id"]);
  CHECK(undo["id"] != follow.activity["id"]);
}

TEST_CASE("a remote Reject drops the request, or the follow after an Accept", "[social_graph]") {
  Graph g;
  g.write([&](store::Connection& c, services::Outbox& out) { services::follow(c, out, g.alice, g.rita, {}, 1000); });
  g.write([&](store::Connection& c, services::Outbox&) { CHECK(services::reject_outgoing_follow(c, g.alice, g.rita)); });
  CHECK_FALSE(g.requested(g.alice, g.rita));
  g.write([&](store::Connection& c, services::Outbox& out) {
    services::follow(c, out, g.alice, g.rita, {}, 1000);
    services::accept_outgoing_follow(c, g.alice, g.rita, 1000);
    CHECK(services::reject_outgoing_follow(c, g.alice, g.rita));
  });
  CHECK_FALSE(g.follows(g.alice, g.rita));
}

TEST_CASE("answering a remote follow request sends Accept or Reject naming its Follow", "[social_graph]") {
  Graph g;
  g.lock(g.alice);
  auto dave = g.remote("dave");
  g.write([&](store::Connection& c, services::Outbox&) {
    services::record_incoming_follow(c, g.rita, g.alice, std::string("https://remote.example/follows/7"), 1000);
    services::record_incoming_follow(c, dave, g.alice, std::string("https://remote.example/follows/8"), 1000);
  });
  g.write([&](store::Connection& c, services::Outbox& out) {
    services::authorize_follow_request(c, out, g.alice, g.rita, 2000);
    services::reject_follow_request(c, out, g.alice, dave, 2000);
  });
  CHECK(g.follows(g.rita, g.alice));
  CHECK_FALSE(g.requested(dave, g.alice));
  REQUIRE(g.delivered_types() == std::vector<std::string>{"Accept", "Reject"});
  CHECK(g.delivered[0].activity["object"]["id"] == "https://remote.example/follows/7");
  CHECK(g.delivered[0].inboxes == std::vector<std::string>{g.rita.inbox_url});
  CHECK(g.delivered[1].activity["object"]["id"] == "https://remote.example/follows/8");
}

TEST_CASE("removing a remote follower sends Reject of its Follow", "[social_graph]") {
  Graph g;
  g.write([&](store::Connection& c, services::Outbox&) {
    services::record_incoming_follow(c, g.rita, g.alice, std::string("https://remote.example/follows/9"), 1000);
  });
  g.write([&](store::Connection& c, services::Outbox& out) { services::remove_from_followers(c, out, g.alice, g.rita, 2000); });
  CHECK_FALSE(g.follows(g.rita, g.alice));
  REQUIRE(g.delivered.size() == 1);
  CHECK(g.delivered[0].activity["type"] == "Reject");
  CHECK(g.delivered[0].activity["object"]["id"] == "https://remote.example/follows/9");
}

TEST_CASE("who may not follow whom", "[social_graph]") {
  Graph g;
  auto attempt = [&](const store::AccountRecord& a, const store::AccountRecord& b) {
    return error_kind([&] {
      g.write([&](store::Connection& c, services::Outbox& out) { services::follow(c, out, a, b, {}, 1000); });
    });
  };
  CHECK(attempt(g.alice, g.alice) == ServiceError::Kind::NotFound);
  g.write([&](store::Connection& c, services::Outbox& out) { services::block(c, out, g.bob, g.alice, 1000); });
  CHECK(attempt(g.alice, g.bob) == ServiceError::Kind::Forbidden);
  CHECK(attempt(g.bob, g.alice) == ServiceError::Kind::Forbidden);
  g.write([&](store::Connection& c, services::Outbox& out) { services::block_domain(c, out, g.alice, "remote.example", 1000); });
  CHECK(attempt(g.alice, g.rita) == ServiceError::Kind::Forbidden);
}

TEST_CASE("blocking ends follows both ways, sends Undo, Reject and Block, and unblocking sends Undo{Block}",
          "[social_graph]") {
  Graph g;
  g.write([&](store::Connection& c, services::Outbox& out) {
    services::follow(c, out, g.alice, g.rita, {}, 1000);
    services::accept_outgoing_follow(c, g.alice, g.rita, 1000);
    services::record_incoming_follow(c, g.rita, g.alice, std::string("https://remote.example/follows/1"), 1000);
  });
  g.delivered.clear();
  g.write([&](store::Connection& c, services::Outbox& out) { services::block(c, out, g.alice, g.rita, 2000); });
  CHECK_FALSE(g.follows(g.alice, g.rita));
  CHECK_FALSE(g.follows(g.rita, g.alice));
  CHECK(g.delivered_types() == std::vector<std::string>{"Undo", "Reject", "Block"});
  const auto block = g.delivered[2].activity;
  CHECK(block["actor"] == g.alice.uri);
  CHECK(block["object"] == g.rita.uri);
  g.write([&](store::Connection& c, services::Outbox& out) { services::unblock(c, out, g.alice, g.rita, 3000); });
  REQUIRE(g.delivered.size() == 4);
  CHECK(g.delivered[3].activity["type"] == "Undo");
  CHECK(g.delivered[3].activity["object"]["id"] == block["id"]);
  // Unblocking again sends nothing more.
  g.write([&](store::Connection& c, services::Outbox& out) { services::unblock(c, out, g.alice, g.rita, 4000); });
  CHECK(g.delivered.size() == 4);
}

TEST_CASE("blocking a local account sends nothing and clears both home feeds", "[social_graph]") {
  Graph g;
  const int64_t bobs = g.post(g.bob, "public");
  const int64_t alices = g.post(g.alice, "public");
  g.write([&](store::Connection& c, services::Outbox& out) {
    services::follow(c, out, g.alice, g.bob, {}, 1000);
    services::follow(c, out, g.bob, g.alice, {}, 1000);
  });
  CHECK(g.home_of(g.alice) == std::vector<int64_t>{bobs});
  CHECK(g.home_of(g.bob) == std::vector<int64_t>{alices});
  g.write([&](store::Connection& c, services::Outbox& out) { services::block(c, out, g.alice, g.bob, 2000); });
  CHECK(g.home_of(g.alice).empty());
  CHECK(g.home_of(g.bob).empty());
  CHECK(g.delivered.empty());
}

TEST_CASE("a user's domain block removes followers there with a Reject each", "[social_graph]") {
  Graph g;
  auto other = g.remote("zed", "other.example");
  auto pending = g.remote("pending");
  g.lock(g.alice);
  g.write([&](store::Connection& c, services::Outbox& out) {
    store::insert_follow(c, store::next_id(), g.rita.id, g.alice.id, std::string("https://remote.example/f/1"), 1);
    services::record_incoming_follow(c, pending, g.alice, std::string("https://remote.example/f/2"), 1);
    store::insert_follow(c, store::next_id(), other.id, g.alice.id, std::string("https://other.example/f/3"), 1);
    services::block_domain(c, out, g.alice, "remote.example", 2000);
  });
  CHECK_FALSE(g.follows(g.rita, g.alice));
  CHECK(g.follows(other, g.alice));
  CHECK(g.delivered_types() == std::vector<std::string>{"Reject", "Reject"});
  // New follows from there are refused.
  auto outcome = g.db.write([&](store::Connection& c) {
    return services::record_incoming_follow(c, g.rita, g.alice, std::string("https://remote.example/f/4"), 3000);
  });
  CHECK(outcome == services::FollowOutcome::Refused);
}

TEST_CASE("blocked domains are normalised and checked", "[social_graph]") {
  CHECK(services::normalize_blocked_domain("  Spam.Example. ", "vmst.test") == "spam.example");
  CHECK(services::normalize_blocked_domain("host:8080", "vmst.test") == "host:8080");
  CHECK(error_kind([] { services::normalize_blocked_domain("", "vmst.test"); }) == ServiceError::Kind::Invalid);
  CHECK(error_kind([] { services::normalize_blocked_domain("a/b", "vmst.test"); }) == ServiceError::Kind::Invalid);
  CHECK(error_kind([] { services::normalize_blocked_domain("VMST.test", "vmst.test"); }) == ServiceError::Kind::Invalid);
}

TEST_CASE("mutes may expire and take the muted account out of the home feed", "[social_graph]") {
  Graph g;
  const int64_t bobs = g.post(g.bob, "public");
  g.write([&](store::Connection& c, services::Outbox& out) { services::follow(c, out, g.alice, g.bob, {}, 1000); });
  CHECK(g.home_of(g.alice) == std::vector<int64_t>{bobs});
  g.db.write([&](store::Connection& c) { services::mute(c, g.alice, g.bob, true, 60, 10'000); });
  CHECK(g.home_of(g.alice).empty());
  auto during = g.db.read([&](store::Connection& c) { return services::relationship(c, g.alice.id, g.bob.id, 69'999); });
  CHECK(during.muting);
  auto after = g.db.read([&](store::Connection& c) { return services::relationship(c, g.alice.id, g.bob.id, 70'000); });
  CHECK_FALSE(after.muting);
  CHECK(error_kind([&] { g.db.write([&](store::Connection& c) { services::mute(c, g.alice, g.bob, true, -1, 1); }); }) ==
        ServiceError::Kind::Invalid);
  g.db.write([&](store::Connection& c) { services::unmute(c, g.alice, g.bob); });
  CHECK_FALSE(g.db.read([&](store::Connection& c) { return services::relationship(c, g.alice.id, g.bob.id, 1); }).muting);
}
