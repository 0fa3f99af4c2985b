#include "services/oauth_tokens.hpp"

#include "crypto/credential_hash.hpp"
#include "crypto/random_bytes.hpp"
#include "services/oauth_apps.hpp"
#include "services/oauth_error.hpp"
#include "services/oauth_scopes.hpp"
#include "services/pkce.hpp"
#include "services/sign_in.hpp"
#include "store/ids.hpp"
#include "store/sign_in_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Code = OAuthError::Code;

const std::string& required(const std::optional<std::string>& value, const char* name) {
  if (!value || value->empty()) throw OAuthError(Code::InvalidRequest, std::string("Missing required parameter: ") + name + ".");
  return *value;
}

IssuedToken exchange_code(store::Database& db, const store::ApplicationRecord& client, const TokenRequest& request) {
  const std::string& code = required(request.code, "code");
  const std::string code_hash = crypto::credential_hash(code);
  return db.write([&](store::Connection& c) {
    const int64_t now = now_millis();
    auto record = store::find_authorization_code(c, code_hash);
    // One answer for every way a code can be wrong: which one it was is of no use to a client, only to an attacker.
    if (!record || record->application_id != client.id || record->expires_at <= now) throw OAuthError(Code::InvalidGrant);
    // RFC 6749 §4.1.3: the redirect_uri must be identical to the one the code was issued for.
    if (!request.redirect_uri || *request.redirect_uri != record->redirect_uri) throw OAuthError(Code::InvalidGrant);
    if (record->code_challenge) {
      if (!request.code_verifier ||
          !verify_code_verifier(record->code_challenge_method.value_or(""), *record->code_challenge,
                                *request.code_verifier)) {
        throw OAuthError(Code::InvalidGrant);
      }
    } else if (request.code_verifier) {
      // A verifier for a code issued without a challenge means someone swapped the code (RFC 9700 §2.1.1).
      throw OAuthError(Code::InvalidGrant);
    }
    if (!store::mark_authorization_code_used(c, record->id, now)) throw OAuthError(Code::InvalidGrant);
    auto scopes = parse_scopes(record->scopes, "").value_or(std::vector<std::string>{});
    return issue_access_token(c, client.id, record->user_id, scopes);
  });
}

IssuedToken password_grant(store::Database& db, const store::ApplicationRecord& client, const TokenRequest& request) {
  const std::string& username = required(request.username, "username");
  const std::string& password = required(request.password, "password");
  auto scopes = requested_scopes(client, request.scope);
  auto sign_in = check_credentials(db, username, password);
  if (sign_in.outcome != SignIn::Outcome::Ok) throw OAuthError(Code::InvalidGrant);
  return issue_access_token(db, client.id, sign_in.user_id, scopes);
}

}  // namespace

bool grant_type_supported(const TokenPolicy& policy, const std::string& grant_type) {
  return grant_type == "authorization_code" || grant_type == "client_credentials" ||
         (grant_type == "password" && policy.password_grant);
}

std::vector<std::string> requested_scopes(const store::ApplicationRecord& client, const std::optional<std::string>& scope) {
  auto scopes = parse_scopes(scope.value_or(""), "read");
  if (!scopes || !scopes_within(*scopes, scopes_of(client))) throw OAuthError(Code::InvalidScope);
  return *scopes;
}

IssuedToken grant_token(store::Database& db, const TokenPolicy& policy, const store::ApplicationRecord& client,
                        const TokenRequest& request) {
  if (!grant_type_supported(policy, request.grant_type)) throw OAuthError(Code::UnsupportedGrantType);
  if (request.grant_type == "authorization_code") return exchange_code(db, client, request);
  if (request.grant_type == "password") return password_grant(db, client, request);
  return issue_access_token(db, client.id, std::nullopt, requested_scopes(client, request.scope));
}

IssuedToken issue_access_token(store::Connection& c, std::optional<int64_t> application_id,
                               std::optional<int64_t> user_id, const std::vector<std::string>& scopes) {
  IssuedToken token;
  token.access_token = crypto::random_token(32);
  token.scopes = join_scopes(scopes);
  token.created_at = now_millis();
  store::insert_access_token(c, store::next_id(), application_id, user_id, crypto::credential_hash(token.access_token),
                             token.scopes, token.created_at);
  if (user_id) store::record_sign_in(c, *user_id, token.created_at);
  return token;
}

IssuedToken issue_access_token(store::Database& db, std::optional<int64_t> application_id,
                               std::optional<int64_t> user_id, const std::vector<std::string>& scopes) {
  return db.write([&](store::Connection& c) { return issue_access_token(c, application_id, user_id, scopes); });
}

void revoke_token(store::Database& db, const store::ApplicationRecord& client, const std::string& token) {
  if (token.empty()) return;
  const std::string hash = crypto::credential_hash(token);
  db.write([&](store::Connection& c) { store::revoke_access_token(c, hash, client.id, now_millis()); });
}

}  // namespace vmst::services
