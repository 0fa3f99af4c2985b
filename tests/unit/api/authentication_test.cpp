#include "api/authentication.hpp"

#include <catch2/catch.hpp>

#include "http/error_responses.hpp"
#include "services/accounts.hpp"
#include "services/oauth_apps.hpp"
#include "services/oauth_tokens.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;

namespace {
struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  federation::LocalUrls urls{"https://social.example"};
  Fixture() { store::apply_migrations(db); }

  std::string user_token(bool approved) {
    services::CreateLocalAccount request;
    request.username = approved ? "active" : "pending";
    request.email = request.username + "@example.org";
    request.approved = approved;
    auto created = services::create_local_account(db, urls, request);
    auto app = services::register_application(db, {"app", {"urn:ietf:wg:oauth:2.0:oob"}, "read write", {}});
    return services::issue_access_token(db, app.id, created.user_id, {"read", "write"}).access_token;
  }
};

httplib::Request with_token(const std::string& token) {
  httplib::Request req;
  req.headers.emplace("Authorization", "Bearer " + token);
  return req;
}

std::pair<int, std::string> refusal(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const http::HttpError& e) {
    return {e.status(), e.what()};
  }
  return {0, ""};
}
}  // namespace

TEST_CASE("a pending user's token authenticates but cannot act as the user", "[oauth][authentication]") {
  Fixture f;
  auto pending = with_token(f.user_token(false));
  auto principal = api::authenticate(pending, f.db);
  REQUIRE(principal.has_value());
  CHECK_FALSE(principal->approved);
  CHECK(api::require_scope(pending, f.db, "read:statuses").has_user());
  CHECK(refusal([&] { api::require_user(pending, f.db, "read:accounts"); }) ==
        std::pair<int, std::string>{403, "Your login is currently pending approval"});

  auto active = with_token(f.user_token(true));
  CHECK(api::require_user(active, f.db, "read:accounts").approved);
}

TEST_CASE("app tokens, bad tokens and missing scopes get Mastodon's errors", "[oauth][authentication]") {
  Fixture f;
  auto app = services::register_application(f.db, {"app", {"urn:ietf:wg:oauth:2.0:oob"}, "read", {}});
  auto app_token = with_token(services::issue_access_token(f.db, app.id, std::nullopt, {"read"}).access_token);
  CHECK(refusal([&] { api::require_user(app_token, f.db, "read"); }) ==
        std::pair<int, std::string>{422, "This method requires an authenticated user"});
  CHECK(refusal([&] { api::require_scope(app_token, f.db, "write:statuses"); }) ==
        std::pair<int, std::string>{403, "This action is outside the authorized scopes"});
  CHECK(refusal([&] { api::require_scope(with_token("nonsense"), f.db, "read"); }) ==
        std::pair<int, std::string>{401, "The access token is invalid"});
  CHECK(refusal([&] { api::require_scope(httplib::Request{}, f.db, "read"); }) ==
        std::pair<int, std::string>{401, "The access token is invalid"});
}
