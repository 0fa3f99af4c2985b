#include "services/invites.hpp"

#include <catch2/catch.hpp>

#include "services/oauth_apps.hpp"
#include "services/registration.hpp"
#include "services/service_error.hpp"
#include "store/account_store.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;

namespace {

struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  federation::LocalUrls urls{"https://social.example"};
  store::ApplicationRecord app;
  Fixture() {
    store::apply_migrations(db);
    app = services::register_application(db, {"client", {"urn:ietf:wg:oauth:2.0:oob"}, "read write", {}});
  }
  services::Registration sign_up(const std::string& name, const std::string& mode,
                                 std::optional<std::string> code) {
    services::RegistrationRequest r;
    r.username = name;
    r.email = name + "@example.org";
    r.password = "a long password";
    r.agreement = true;
    r.invite_code = std::move(code);
    return services::register_account(db, urls, mode, app, r);
  }
};

}  // namespace

TEST_CASE("durations are a count and a unit", "[invites]") {
  CHECK(services::parse_duration_millis("30m") == 30 * 60'000);
  CHECK(services::parse_duration_millis("12h") == 12 * 3'600'000);
  CHECK(services::parse_duration_millis("7d") == 7 * 86'400'000LL);
  CHECK(services::parse_duration_millis("2w") == 14 * 86'400'000LL);
  for (const char* bad : {"", "d", "7", "0d", "-1d", "7x", "1.5h", "99999999999999999999d"}) {
    CHECK_THROWS_AS(services::parse_duration_millis(bad), services::ServiceError);
  }
}

TEST_CASE("an invite opens closed registrations until its uses run out", "[invites]") {
  Fixture f;
  services::NewInvite request;
  request.max_uses = 1;
  auto invite = services::create_invite(f.db, request);
  CHECK(invite.code.size() == 8);

  auto reg = f.sign_up("ann", "closed", invite.code);
  CHECK(reg.approved);
  auto used = f.db.read([&](store::Connection& c) { return store::find_invite_by_code(c, invite.code); });
  CHECK(used->uses == 1);
  CHECK(services::invite_state(*used, 0) == "used up");

  CHECK_THROWS_AS(f.sign_up("bea", "closed", invite.code), services::ServiceError);
  CHECK_THROWS_AS(f.sign_up("bea", "closed", std::nullopt), services::ServiceError);
  CHECK_FALSE(f.db.read([&](store::Connection& c) { return store::find_local_account(c, "bea"); }).has_value());
}

TEST_CASE("an invite skips approval; a revoked one opens nothing", "[invites]") {
  Fixture f;
  auto invite = services::create_invite(f.db, {});
  CHECK(f.sign_up("ann", "approval", invite.code).approved);
  CHECK(f.sign_up("amy", "approval", invite.code).approved);  // unlimited uses

  services::revoke_invite(f.db, invite.code);
  CHECK_THROWS_AS(f.sign_up("cat", "closed", invite.code), services::ServiceError);
  CHECK_THROWS_AS(services::revoke_invite(f.db, invite.code), services::ServiceError);
  CHECK_THROWS_AS(services::revoke_invite(f.db, "nosuchcode"), services::ServiceError);
  auto listed = services::list_invites(f.db);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].uses == 2);
}

TEST_CASE("an expired invite is refused", "[invites]") {
  Fixture f;
  services::NewInvite request;
  request.expires_in = "1s";
  auto invite = services::create_invite(f.db, request);
  CHECK(services::invite_state(invite, invite.created_at) == "active");
  CHECK(services::invite_state(invite, invite.created_at + 1000) == "expired");
  CHECK_THROWS_AS(services::create_invite(f.db, {0, std::nullopt}), services::ServiceError);
  CHECK_THROWS_AS(services::create_invite(f.db, {std::nullopt, std::string("soon")}), services::ServiceError);
  CHECK(services::list_invites(f.db).size() == 1);
}
