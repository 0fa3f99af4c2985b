#include "services/registration.hpp"

#include <catch2/catch.hpp>

#include "crypto/credential_hash.hpp"
#include "services/oauth_apps.hpp"
#include "services/validation_error.hpp"
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
    app = services::register_application(db, {"client", {"urn:ietf:wg:oauth:2.0:oob"}, "read write follow push", {}});
  }
};

services::RegistrationRequest valid(const std::string& name = "bob") {
  services::RegistrationRequest r;
  r.username = name;
  r.email = name + "@example.org";
  r.password = "a long password";
  r.agreement = true;
  r.locale = "en";
  return r;
}

std::vector<services::FieldError> field_errors(Fixture& f, const std::string& mode,
                                               const services::RegistrationRequest& r) {
  try {
    services::register_account(f.db, f.urls, mode, f.app, r);
  } catch (const services::ValidationFailed& e) {
    return e.errors();
  }
  FAIL("expected ValidationFailed");
  return {};
}
}  // namespace

TEST_CASE("open registration creates an active account and a token with the app's scopes", "[registration]") {
  Fixture f;
  auto reg = services::register_account(f.db, f.urls, "open", f.app, valid());
  CHECK(reg.approved);
  CHECK(reg.token.scopes == "read write follow push");
  auto summary = f.db.read([&](store::Connection& c) { return store::find_local_account(c, "bob"); });
  REQUIRE(summary.has_value());
  CHECK(summary->approved);
  auto token = f.db.read([&](store::Connection& c) {
    return store::find_live_access_token(c, crypto::credential_hash(reg.token.access_token));
  });
  REQUIRE(token.has_value());
  CHECK(token->account_id == reg.account_id);
  CHECK(token->user_approved);
}

TEST_CASE("approval mode needs a reason and leaves the account pending", "[registration]") {
  Fixture f;
  auto errors = field_errors(f, "approval", valid());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "reason");
  CHECK(errors[0].code == "ERR_BLANK");

  auto request = valid();
  request.reason = "I would like to join";
  auto reg = services::register_account(f.db, f.urls, "approval", f.app, request);
  CHECK_FALSE(reg.approved);
  auto token = f.db.read([&](store::Connection& c) {
    return store::find_live_access_token(c, crypto::credential_hash(reg.token.access_token));
  });
  REQUIRE(token.has_value());
  CHECK_FALSE(token->user_approved);
  auto reason = f.db.read([&](store::Connection& c) {
    auto& q = c.prepare("SELECT sign_up_reason, approved FROM users");
    q.executeStep();
    return std::make_pair(q.getColumn(0).getString(), q.getColumn(1).getInt());
  });
  CHECK(reason.first == "I would like to join");
  CHECK(reason.second == 0);
}

TEST_CASE("closed registration is forbidden", "[registration]") {
  Fixture f;
  try {
    services::register_account(f.db, f.urls, "closed", f.app, valid());
    FAIL("expected a ServiceError");
  } catch (const services::ServiceError& e) {
    CHECK(e.kind() == services::ServiceError::Kind::Forbidden);
  }
}

TEST_CASE("every bad field is reported with Mastodon's error codes", "[registration]") {
  Fixture f;
  services::RegistrationRequest r;
  r.username = "bad name";
  r.email = "not-an-email";
  r.password = "short";
  r.agreement = false;
  r.locale = "!!";
  auto errors = field_errors(f, "open", r);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0].field == "username");
  CHECK(errors[0].code == "ERR_INVALID");
  CHECK(errors[1].field == "email");
  CHECK(errors[1].code == "ERR_INVALID");
  CHECK(errors[2].field == "password");
  CHECK(errors[2].code == "ERR_TOO_SHORT");
  CHECK(errors[3].field == "agreement");
  CHECK(errors[3].code == "ERR_ACCEPTED");
  CHECK(errors[4].field == "locale");
  CHECK(errors[4].code == "ERR_INCLUSION");
  CHECK(services::validation_message(errors).starts_with(
      "Validation failed: Username must contain only letters, numbers and underscores, Email is invalid, "));

  CHECK(field_errors(f, "open", valid("admin"))[0].code == "ERR_RESERVED");
  auto blank = valid("");
  blank.password = "";
  auto blanks = field_errors(f, "open", blank);
  CHECK(blanks[0].code == "ERR_BLANK");
  CHECK(field_errors(f, "open", valid(std::string(31, 'a')))[0].code == "ERR_TOO_LONG");
}

TEST_CASE("taken usernames and emails are reported as ERR_TAKEN", "[registration]") {
  Fixture f;
  services::register_account(f.db, f.urls, "open", f.app, valid("bob"));
  auto again = valid("BOB");
  again.email = "BOB@example.org";
  auto errors = field_errors(f, "open", again);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].field == "username");
  CHECK(errors[0].code == "ERR_TAKEN");
  CHECK(errors[0].description == "has already been taken");
  CHECK(errors[1].field == "email");
  CHECK(errors[1].code == "ERR_TAKEN");
}
