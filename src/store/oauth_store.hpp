#pragma once
// SQL for OAuth applications, authorization codes and access tokens. Codes and tokens are stored as SHA-256 hashes
// (the caller hashes); a leaked database does not leak working credentials.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace vmst::store {

struct ApplicationRecord {
  int64_t id = 0;
  std::string name;
  std::optional<std::string> website;
  std::string redirect_uris;  // newline separated, verbatim
  std::string scopes;         // space separated
  std::string client_id, client_secret;
  int64_t created_at = 0;
};

void insert_application(Connection& c, const ApplicationRecord& app);
std::optional<ApplicationRecord> find_application(Connection& c, int64_t id);
std::optional<ApplicationRecord> find_application_by_client_id(Connection& c, const std::string& client_id);

struct AuthorizationCodeRecord {
  int64_t id = 0;
  int64_t application_id = 0;
  int64_t user_id = 0;
  std::string code_hash;
  std::string redirect_uri;
  std::string scopes;
  std::optional<std::string> code_challenge, code_challenge_method;
  int64_t created_at = 0, expires_at = 0;
  std::optional<int64_t> used_at;
};

void insert_authorization_code(Connection& c, const AuthorizationCodeRecord& code);
std::optional<AuthorizationCodeRecord> find_authorization_code(Connection& c, const std::string& code_hash);
// Marks the code used; false when it was already used (a replayed code).
bool mark_authorization_code_used(Connection& c, int64_t id, int64_t now);
// Deletes codes that expired before `now`: they can no longer be exchanged, and nothing else reads them.
void delete_expired_authorization_codes(Connection& c, int64_t now);

struct AccessTokenRecord {
  int64_t id = 0;
  std::optional<int64_t> application_id;
  std::optional<int64_t> user_id;     // unset for client_credentials tokens
  std::optional<int64_t> account_id;  // the user's account, joined in
  bool user_approved = true;          // false while the user's sign-up waits for approval
  bool user_disabled = false;         // the user is disabled or their account suspended
  std::string scopes;
  int64_t created_at = 0;
  std::optional<int64_t> last_used_at;
};

void insert_access_token(Connection& c, int64_t id, std::optional<int64_t> application_id,
                         std::optional<int64_t> user_id, const std::string& token_hash, const std::string& scopes,
                         int64_t now);
// A token that is not revoked. Its user may be disabled or suspended: callers refuse those (user_disabled).
std::optional<AccessTokenRecord> find_live_access_token(Connection& c, const std::string& token_hash);
// Revokes the token if it belongs to the application; returns whether a live token was revoked.
bool revoke_access_token(Connection& c, const std::string& token_hash, int64_t application_id, int64_t now);
void touch_access_token(Connection& c, int64_t id, int64_t now);

}  // namespace vmst::store
