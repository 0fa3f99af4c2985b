#pragma once
// The grants of POST /oauth/token (RFC 6749) as Mastodon offers them, and revocation (RFC 7009).
//   authorization_code  a code from /oauth/authorize, once, by the client it was issued to, with the same
//                       redirect_uri, and with the PKCE verifier when the code was bound to a challenge
//   client_credentials  an app-only token (no user): registration, app verify_credentials, public reads
//   password            only when auth.password_grant is on (Mastodon removed it in 4.4; toot login_cli and
//                       Mastodon.py 1.8 need it)
// Tokens are random 256-bit strings stored as SHA-256 hashes; they do not expire (Mastodon's do not either), so
// there are no refresh tokens.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/oauth_store.hpp"

namespace vmst::services {

struct IssuedToken {
  std::string access_token;  // shown to the client once, never stored
  std::string scopes;        // space separated
  int64_t created_at = 0;    // milliseconds
};

struct TokenRequest {
  std::string grant_type;
  std::optional<std::string> code, redirect_uri, code_verifier;
  std::optional<std::string> username, password;
  std::optional<std::string> scope;
};

struct TokenPolicy {
  bool password_grant = false;
};

// Whether grant_type is one this server issues tokens for under the policy. Checked before the client is
// authenticated so an unsupported grant gets unsupported_grant_type, not invalid_client.
bool grant_type_supported(const TokenPolicy& policy, const std::string& grant_type);

// Issues a token to an authenticated client. Throws OAuthError (invalid_request, invalid_grant, invalid_scope,
// unsupported_grant_type).
IssuedToken grant_token(store::Database& db, const TokenPolicy& policy, const store::ApplicationRecord& client,
                        const TokenRequest& request);

// A new token for (application, user or none, scopes); scopes are stored normalised.
IssuedToken issue_access_token(store::Database& db, std::optional<int64_t> application_id,
                               std::optional<int64_t> user_id, const std::vector<std::string>& scopes);
IssuedToken issue_access_token(store::Connection& c, std::optional<int64_t> application_id,
                               std::optional<int64_t> user_id, const std::vector<std::string>& scopes);

// Revokes `token` if it was issued to `client`; nothing happens otherwise (RFC 7009: the answer is the same).
void revoke_token(store::Database& db, const store::ApplicationRecord& client, const std::string& token);

// The scopes a client asks for with `scope` (default "read"), which must be known and within what the
// application registered. Throws OAuthError(InvalidScope).
std::vector<std::string> requested_scopes(const store::ApplicationRecord& client, const std::optional<std::string>& scope);

}  // namespace vmst::services
