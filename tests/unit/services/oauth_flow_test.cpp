// The OAuth services end to end on a real database: app registration, the authorization request check, codes and
// the token grants.
#include <catch2/catch.hpp>

#include "crypto/credential_hash.hpp"
#include "services/accounts.hpp"
#include "services/oauth_apps.hpp"
#include "services/oauth_authorization.hpp"
#include "services/oauth_error.hpp"
#include "services/oauth_tokens.hpp"
#include "services/pkce.hpp"
#include "services/sign_in.hpp"
#include "store/migrations.hpp"
#include "store/oauth_store.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;
using services::OAuthError;

namespace {

struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  federation::LocalUrls urls{"https://social.example"};
  int64_t alice_user = 0;

  Fixture() {
    store::apply_migrations(db);
    alice_user = services::create_local_account(db, urls, {"alice", "alice@example.org", "correct horse", "user"}).user_id;
  }

  store::ApplicationRecord app(const std::string& redirect = "https://app.example/cb",
                               const std::string& scopes = "read write follow") {
    return services::register_application(db, {"Test app", {redirect}, scopes, std::nullopt});
  }
};

OAuthError::Code oauth_code(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const OAuthError& e) {
    return e.code();
  }
  FAIL("expected an OAuthError");
  return OAuthError::Code::InvalidRequest;
}

services::AuthorizationParams params_for(const store::ApplicationRecord& app, const std::string& redirect) {
  services::AuthorizationParams p;
  p.client_id = app.client_id;
  p.redirect_uri = redirect;
  p.response_type = "code";
  p.scope = "read write";
  p.state = "xyz";
  return p;
}

}  // namespace

TEST_CASE("registration validates like Mastodon and stores the app", "[oauth]") {
  Fixture f;
  auto app = f.app();
  CHECK(app.client_id.size() == 43);
  CHECK(app.client_secret.size() == 43);
  CHECK(app.scopes == "read write follow");
  CHECK(services::find_client(f.db, app.client_id)->id == app.id);

  auto default_scope = services::register_application(f.db, {"x", {"urn:ietf:wg:oauth:2.0:oob"}, std::nullopt, ""});
  CHECK(default_scope.scopes == "read");
  CHECK_FALSE(default_scope.website.has_value());

  auto message = [&](services::ApplicationRequest r) {
    try {
      services::register_application(f.db, r);
    } catch (const services::ServiceError& e) {
      CHECK(e.kind() == services::ServiceError::Kind::Invalid);
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(message({"x", {"https://a/"}, "read bogus", std::nullopt}) ==
        "Validation failed: Scopes doesn't match configured on the server.");
  CHECK(message({"", {"https://a/"}, "read", std::nullopt}) == "Validation failed: Name can't be blank");
  CHECK(message({"x", {}, "read", std::nullopt}) == "Validation failed: Redirect URI can't be blank");
  CHECK(message({"x", {"javascript:alert(1)"}, "read", std::nullopt}) ==
        "Validation failed: Redirect URI is forbidden by the server.");
}

TEST_CASE("clients authenticate with their id and secret", "[oauth]") {
  Fixture f;
  auto app = f.app();
  CHECK(services::authenticate_client(f.db, app.client_id, app.client_secret).id == app.id);
  CHECK(oauth_code([&] { services::authenticate_client(f.db, app.client_id, "wrong"); }) == OAuthError::Code::InvalidClient);
  CHECK(oauth_code([&] { services::authenticate_client(f.db, app.client_id, ""); }) == OAuthError::Code::InvalidClient);
  CHECK(oauth_code([&] { services::authenticate_client(f.db, "nope", app.client_secret); }) == OAuthError::Code::InvalidClient);
}

TEST_CASE("authorization requests: unknown clients and redirect URIs are never redirected to", "[oauth]") {
  Fixture f;
  auto app = f.app();
  auto ok = services::check_authorization_request(f.db, params_for(app, "https://app.example/cb"));
  REQUIRE(ok.ok());
  CHECK(ok.request->scopes == std::vector<std::string>{"read", "write"});
  CHECK(ok.request->state == "xyz");

  auto p = params_for(app, "https://evil.example/cb");
  auto bad_redirect = services::check_authorization_request(f.db, p);
  CHECK_FALSE(bad_redirect.request.has_value());
  p = params_for(app, "https://app.example/cb");
  p.client_id = "unknown";
  CHECK_FALSE(services::check_authorization_request(f.db, p).request.has_value());

  // Without redirect_uri, the only registered one is meant.
  p = params_for(app, "");
  p.redirect_uri.reset();
  auto implied = services::check_authorization_request(f.db, p);
  REQUIRE(implied.ok());
  CHECK(implied.request->redirect_uri == "https://app.example/cb");
}

TEST_CASE("authorization requests: other problems go back to the client", "[oauth]") {
  Fixture f;
  auto app = f.app();
  auto p = params_for(app, "https://app.example/cb");
  p.scope = "read push";
  auto scope = services::check_authorization_request(f.db, p);
  REQUIRE(scope.request.has_value());
  CHECK(scope.error == OAuthError::Code::InvalidScope);

  p = params_for(app, "https://app.example/cb");
  p.response_type = "token";
  CHECK(services::check_authorization_request(f.db, p).error == OAuthError::Code::UnsupportedResponseType);

  p = params_for(app, "https://app.example/cb");
  p.code_challenge = services::s256_code_challenge(std::string(43, 'v'));
  p.code_challenge_method = "plain";
  CHECK(services::check_authorization_request(f.db, p).error == OAuthError::Code::InvalidRequest);
  p.code_challenge_method.reset();
  CHECK(services::check_authorization_request(f.db, p).error == OAuthError::Code::InvalidRequest);
  p.code_challenge_method = "S256";
  auto pkce = services::check_authorization_request(f.db, p);
  REQUIRE(pkce.ok());
  CHECK(pkce.request->code_challenge == p.code_challenge);

  p = params_for(app, "https://app.example/cb");
  p.scope.reset();
  auto fallback = services::check_authorization_request(f.db, p);
  REQUIRE(fallback.ok());
  CHECK(fallback.request->scopes == std::vector<std::string>{"read"});
}

TEST_CASE("a code is exchanged once, by its client, with its redirect URI and verifier", "[oauth]") {
  Fixture f;
  auto app = f.app();
  auto other = f.app();
  const std::string verifier(50, 'q');
  auto p = params_for(app, "https://app.example/cb");
  p.code_challenge = services::s256_code_challenge(verifier);
  p.code_challenge_method = "S256";
  auto request = *services::check_authorization_request(f.db, p).request;
  const services::TokenPolicy policy{};

  auto exchange = [&](const store::ApplicationRecord& client, const std::string& code,
                      std::optional<std::string> redirect, std::optional<std::string> code_verifier) {
    services::TokenRequest r;
    r.grant_type = "authorization_code";
    r.code = code;
    r.redirect_uri = std::move(redirect);
    r.code_verifier = std::move(code_verifier);
    return services::grant_token(f.db, policy, client, r);
  };

  auto code = services::create_authorization_code(f.db, request, f.alice_user);
  // Failed attempts do not use the code up.
  CHECK(oauth_code([&] { exchange(other, code, "https://app.example/cb", verifier); }) == OAuthError::Code::InvalidGrant);
  CHECK(oauth_code([&] { exchange(app, code, "https://app.example/other", verifier); }) == OAuthError::Code::InvalidGrant);
  CHECK(oauth_code([&] { exchange(app, code, std::nullopt, verifier); }) == OAuthError::Code::InvalidGrant);
  CHECK(oauth_code([&] { exchange(app, code, "https://app.example/cb", std::string(50, 'x')); }) ==
        OAuthError::Code::InvalidGrant);
  CHECK(oauth_code([&] { exchange(app, code, "https://app.example/cb", std::nullopt); }) == OAuthError::Code::InvalidGrant);
  CHECK(oauth_code([&] { exchange(app, "not-a-code", "https://app.example/cb", verifier); }) ==
        OAuthError::Code::InvalidGrant);
  CHECK(oauth_code([&] { exchange(app, "", "https://app.example/cb", verifier); }) == OAuthError::Code::InvalidRequest);

  auto token = exchange(app, code, "https://app.example/cb", verifier);
  CHECK(token.access_token.size() == 43);
  CHECK(token.scopes == "read write");
  auto stored = f.db.read([&](store::Connection& c) {
    return store::find_live_access_token(c, crypto::credential_hash(token.access_token));
  });
  REQUIRE(stored.has_value());
  CHECK(stored->user_id == f.alice_user);
  CHECK(stored->application_id == app.id);

  // Replayed.
  CHECK(oauth_code([&] { exchange(app, code, "https://app.example/cb", verifier); }) == OAuthError::Code::InvalidGrant);

  // A verifier sent for a code issued without a challenge.
  auto plain = services::create_authorization_code(f.db, *services::check_authorization_request(
                                                             f.db, params_for(app, "https://app.example/cb")).request,
                                                   f.alice_user);
  CHECK(oauth_code([&] { exchange(app, plain, "https://app.example/cb", verifier); }) == OAuthError::Code::InvalidGrant);
  CHECK(exchange(app, plain, "https://app.example/cb", std::nullopt).scopes == "read write");
}

TEST_CASE("expired codes are refused", "[oauth]") {
  Fixture f;
  auto app = f.app();
  auto request = *services::check_authorization_request(f.db, params_for(app, "https://app.example/cb")).request;
  auto code = services::create_authorization_code(f.db, request, f.alice_user);
  f.db.write([&](store::Connection& c) {
    c.prepare("UPDATE oauth_authorization_codes SET expires_at = 1").exec();
  });
  services::TokenRequest r;
  r.grant_type = "authorization_code";
  r.code = code;
  r.redirect_uri = "https://app.example/cb";
  CHECK(oauth_code([&] { services::grant_token(f.db, {}, app, r); }) == OAuthError::Code::InvalidGrant);
}

TEST_CASE("client credentials give an app token within the app's scopes", "[oauth]") {
  Fixture f;
  auto app = f.app();
  services::TokenRequest r;
  r.grant_type = "client_credentials";
  auto token = services::grant_token(f.db, {}, app, r);
  CHECK(token.scopes == "read");
  auto stored = f.db.read([&](store::Connection& c) {
    return store::find_live_access_token(c, crypto::credential_hash(token.access_token));
  });
  REQUIRE(stored.has_value());
  CHECK_FALSE(stored->user_id.has_value());

  r.scope = "read write:statuses";
  CHECK(services::grant_token(f.db, {}, app, r).scopes == "read write:statuses");
  r.scope = "push";
  CHECK(oauth_code([&] { services::grant_token(f.db, {}, app, r); }) == OAuthError::Code::InvalidScope);
  r.scope = "bogus";
  CHECK(oauth_code([&] { services::grant_token(f.db, {}, app, r); }) == OAuthError::Code::InvalidScope);
}

TEST_CASE("the password grant exists only when enabled", "[oauth]") {
  Fixture f;
  auto app = f.app();
  services::TokenRequest r;
  r.grant_type = "password";
  r.username = "alice@example.org";
  r.password = "correct horse";
  r.scope = "read write follow";
  CHECK_FALSE(services::grant_type_supported({false}, "password"));
  CHECK(oauth_code([&] { services::grant_token(f.db, {false}, app, r); }) == OAuthError::Code::UnsupportedGrantType);

  const services::TokenPolicy on{true};
  CHECK(services::grant_token(f.db, on, app, r).scopes == "read write follow");
  r.username = "ALICE";  // the username works too, in any case
  CHECK(services::grant_token(f.db, on, app, r).access_token.size() == 43);
  r.password = "wrong password";
  CHECK(oauth_code([&] { services::grant_token(f.db, on, app, r); }) == OAuthError::Code::InvalidGrant);
  r.username = "nobody@example.org";
  CHECK(oauth_code([&] { services::grant_token(f.db, on, app, r); }) == OAuthError::Code::InvalidGrant);
  r.username.reset();
  CHECK(oauth_code([&] { services::grant_token(f.db, on, app, r); }) == OAuthError::Code::InvalidRequest);

  r.grant_type = "refresh_token";
  CHECK(oauth_code([&] { services::grant_token(f.db, on, app, r); }) == OAuthError::Code::UnsupportedGrantType);
}

TEST_CASE("revocation only touches the client's own tokens", "[oauth]") {
  Fixture f;
  auto app = f.app();
  auto other = f.app();
  auto token = services::issue_access_token(f.db, app.id, f.alice_user, {"read"});
  auto live = [&] {
    return f.db.read([&](store::Connection& c) {
      return store::find_live_access_token(c, crypto::credential_hash(token.access_token)).has_value();
    });
  };
  services::revoke_token(f.db, other, token.access_token);
  CHECK(live());
  services::revoke_token(f.db, app, token.access_token);
  CHECK_FALSE(live());
  services::revoke_token(f.db, app, token.access_token);  // again: nothing happens
  services::revoke_token(f.db, app, "");
}

TEST_CASE("sign-in accepts the email or the username", "[oauth][sign_in]") {
  Fixture f;
  using Outcome = services::SignIn::Outcome;
  CHECK(services::check_credentials(f.db, "alice@example.org", "correct horse").outcome == Outcome::Ok);
  CHECK(services::check_credentials(f.db, "ALICE@EXAMPLE.ORG", "correct horse").outcome == Outcome::Ok);
  CHECK(services::check_credentials(f.db, "alice", "correct horse").outcome == Outcome::Ok);
  CHECK(services::check_credentials(f.db, " @alice ", "correct horse").outcome == Outcome::Ok);
  auto ok = services::check_credentials(f.db, "alice", "correct horse");
  CHECK(ok.user_id == f.alice_user);
  CHECK(ok.username == "alice");
  CHECK(services::check_credentials(f.db, "alice", "Correct horse").outcome == Outcome::WrongCredentials);
  CHECK(services::check_credentials(f.db, "bob", "correct horse").outcome == Outcome::WrongCredentials);
  CHECK(services::check_credentials(f.db, "", "").outcome == Outcome::WrongCredentials);
  f.db.write([&](store::Connection& c) { c.prepare("UPDATE users SET disabled = 1").exec(); });
  CHECK(services::check_credentials(f.db, "alice", "correct horse").outcome == Outcome::Disabled);
  CHECK(services::check_credentials(f.db, "alice", "wrong").outcome == Outcome::WrongCredentials);
}
