#include "services/account_moderation.hpp"

#include <catch2/catch.hpp>

#include "services/follows.hpp"
#include "services/service_error.hpp"
#include "store/account_moderation_store.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;

namespace {

struct Fixture : testing::SocialFixture {
  services::ModerationContext ctx{db, urls, "vmst.test", enqueue, nullptr, std::nullopt};

  void remote_follows(const store::AccountRecord& follower, const store::AccountRecord& target) {
    db.write([&](store::Connection& c) {
      services::record_incoming_follow(c, follower, target, follower.uri + "#follow/1", 1);
    });
  }

  int admin_log_entries(const std::string& action) {
    return db.read([&](store::Connection& c) {
      auto& q = c.prepare("SELECT count(*) FROM admin_action_logs WHERE action = ?");
      q.bind(1, action);
      q.executeStep();
      return q.getColumn(0).getInt();
    });
  }
};

services::ServiceError::Kind kind_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const services::ServiceError& e) {
    return e.kind();
  }
  FAIL("expected a ServiceError");
  return services::ServiceError::Kind::Unavailable;
}

}  // namespace

TEST_CASE("suspending a local account tells its followers' servers with an Update of the emptied actor",
          "[moderation]") {
  Fixture f;
  auto alice = f.local("alice");
  auto fran = f.remote("fran");
  f.remote_follows(fran, alice);

  auto result = services::suspend_account(f.ctx, "alice");
  CHECK(result.moderated.account.suspended_at.has_value());
  REQUIRE(f.delivered_types() == std::vector<std::string>{"Update"});
  const auto& update = f.delivered.back();
  CHECK(update.sender == alice.id);
  CHECK(update.inboxes == std::vector<std::string>{"https://remote.example/inbox"});
  CHECK(update.activity["object"]["id"] == alice.uri);
  CHECK(update.activity["object"]["suspended"] == true);
  CHECK(f.admin_log_entries("suspend_account") == 1);

  CHECK(kind_of([&] { services::suspend_account(f.ctx, "alice"); }) == services::ServiceError::Kind::Conflict);

  services::unsuspend_account(f.ctx, "@alice@vmst.test");
  CHECK_FALSE(f.reload(alice.id).suspended_at.has_value());
  REQUIRE(f.delivered.size() == 2);
  CHECK_FALSE(f.delivered.back().activity["object"].contains("suspended"));
}

TEST_CASE("suspending a remote account ends its follows of local accounts with a Reject", "[moderation]") {
  Fixture f;
  auto alice = f.local("alice");
  auto fran = f.remote("fran");
  f.remote_follows(fran, alice);

  services::suspend_account(f.ctx, "fran@remote.example");
  CHECK(f.reload(fran.id).suspended_at.has_value());
  REQUIRE(f.delivered_types() == std::vector<std::string>{"Reject"});
  CHECK(f.delivered.back().inboxes == std::vector<std::string>{fran.inbox_url});
  CHECK(f.delivered.back().activity["object"]["id"] == fran.uri + "#follow/1");
  CHECK(f.reload(alice.id).followers_count == 0);
}

TEST_CASE("deleting a local account sends a Delete of the actor and keeps its name taken", "[moderation]") {
  Fixture f;
  auto alice = f.local("alice");
  auto fran = f.remote("fran");
  auto gil = f.remote("gil", "elsewhere.example");
  f.remote_follows(fran, alice);

  auto result = services::delete_local_account(f.ctx, "alice");
  CHECK(result.username == "alice");
  REQUIRE(f.delivered_types() == std::vector<std::string>{"Delete"});
  const auto& del = f.delivered.back();
  CHECK(del.activity["object"] == alice.uri);
  CHECK(del.activity["actor"] == alice.uri);
  // Followers' servers and every other known server.
  CHECK(del.inboxes == std::vector<std::string>{"https://remote.example/inbox", "https://elsewhere.example/inbox"});
  (void)gil;

  auto after = f.reload(alice.id);
  CHECK(after.suspended_at.has_value());
  CHECK(after.followers_count == 0);
  auto shown = services::find_moderated_account(f.ctx, "alice");
  CHECK(shown.deleted);
  REQUIRE(shown.user.has_value());
  CHECK(shown.user->disabled);
  CHECK(kind_of([&] { f.local("alice"); }) == services::ServiceError::Kind::Conflict);
  CHECK(kind_of([&] { services::delete_local_account(f.ctx, "alice"); }) == services::ServiceError::Kind::Conflict);
}

TEST_CASE("a pending sign-up is approved, or rejected and its name freed", "[moderation]") {
  Fixture f;
  services::CreateLocalAccount pending{"pat", "pat@example.org", std::nullopt, "user"};
  pending.approved = false;
  services::create_local_account(f.db, f.urls, pending);
  services::CreateLocalAccount other{"quin", "quin@example.org", std::nullopt, "user"};
  other.approved = false;
  services::create_local_account(f.db, f.urls, other);

  auto approved = services::approve_account(f.ctx, "pat");
  REQUIRE(approved.user.has_value());
  CHECK(approved.user->approved);
  CHECK(kind_of([&] { services::approve_account(f.ctx, "pat"); }) == services::ServiceError::Kind::Conflict);
  CHECK(kind_of([&] { services::reject_account(f.ctx, "pat"); }) == services::ServiceError::Kind::Conflict);

  services::reject_account(f.ctx, "quin");
  CHECK_FALSE(f.db.read([&](store::Connection& c) { return store::find_local_account(c, "quin"); }).has_value());
  CHECK(f.admin_log_entries("approve_user") == 1);
  CHECK(f.admin_log_entries("reject_user") == 1);
}

TEST_CASE("roles take only user, moderator or admin, for local accounts that exist", "[moderation]") {
  Fixture f;
  f.local("alice");
  f.remote("fran");
  auto m = services::set_account_role(f.ctx, "alice", "moderator");
  CHECK(m.user->role == "moderator");
  CHECK(kind_of([&] { services::set_account_role(f.ctx, "alice", "king"); }) == services::ServiceError::Kind::Invalid);
  CHECK(kind_of([&] { services::set_account_role(f.ctx, "nobody", "admin"); }) ==
        services::ServiceError::Kind::NotFound);
  CHECK(kind_of([&] { services::set_account_role(f.ctx, "fran@remote.example", "admin"); }) ==
        services::ServiceError::Kind::Invalid);
  CHECK(f.db.read([&](store::Connection& c) { return store::find_local_account(c, "alice"); })->role == "moderator");
}

TEST_CASE("silencing marks the account and can be lifted once", "[moderation]") {
  Fixture f;
  auto fran = f.remote("fran");
  services::silence_account(f.ctx, "@fran@remote.example");
  CHECK(f.reload(fran.id).silenced_at.has_value());
  CHECK(kind_of([&] { services::silence_account(f.ctx, "fran@remote.example"); }) ==
        services::ServiceError::Kind::Conflict);
  services::unsilence_account(f.ctx, "fran@remote.example");
  CHECK_FALSE(f.reload(fran.id).silenced_at.has_value());
  CHECK(kind_of([&] { services::unsilence_account(f.ctx, "fran@remote.example"); }) ==
        services::ServiceError::Kind::Conflict);
  CHECK(f.delivered.empty());
}
