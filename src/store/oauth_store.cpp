#include "store/oauth_store.hpp"

namespace vmst::store {

namespace {

std::optional<std::string> optional_text(SQLite::Statement& q, int column) {
  if (q.isColumnNull(column)) return std::nullopt;
  return q.getColumn(column).getString();
}

std::optional<int64_t> optional_int(SQLite::Statement& q, int column) {
  if (q.isColumnNull(column)) return std::nullopt;
  return q.getColumn(column).getInt64();
}

template <class T>
void bind_optional(SQLite::Statement& q, int index, const std::optional<T>& value) {
  if (value) {
    q.bind(index, *value);
  } else {
    q.bind(index);
  }
}

constexpr const char* kApplicationColumns =
    "id, name, website, redirect_uris, scopes, client_id, client_secret, created_at";

ApplicationRecord read_application(SQLite::Statement& q) {
  ApplicationRecord app;
  app.id = q.getColumn(0).getInt64();
  app.name = q.getColumn(1).getString();
  app.website = optional_text(q, 2);
  app.redirect_uris = q.getColumn(3).getString();
  app.scopes = q.getColumn(4).getString();
  app.client_id = q.getColumn(5).getString();
  app.client_secret = q.getColumn(6).getString();
  app.created_at = q.getColumn(7).getInt64();
  return app;
}

}  // namespace

void insert_application(Connection& c, const ApplicationRecord& app) {
  auto& q = c.prepare(
      "INSERT INTO oauth_applications (id, name, website, redirect_uris, scopes, client_id, client_secret, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, app.id);
  q.bind(2, app.name);
  bind_optional(q, 3, app.website);
  q.bind(4, app.redirect_uris);
  q.bind(5, app.scopes);
  q.bind(6, app.client_id);
  q.bind(7, app.client_secret);
  q.bind(8, app.created_at);
  q.exec();
}

std::optional<ApplicationRecord> find_application(Connection& c, int64_t id) {
  auto& q = c.prepare(std::string("SELECT ") + kApplicationColumns + " FROM oauth_applications WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_application(q);
}

std::optional<ApplicationRecord> find_application_by_client_id(Connection& c, const std::string& client_id) {
  auto& q = c.prepare(std::string("SELECT ") + kApplicationColumns + " FROM oauth_applications WHERE client_id = ?");
  q.bind(1, client_id);
  if (!q.executeStep()) return std::nullopt;
  return read_application(q);
}

void insert_authorization_code(Connection& c, const AuthorizationCodeRecord& code) {
  auto& q = c.prepare(
      "INSERT INTO oauth_authorization_codes (id, application_id, user_id, code_hash, redirect_uri, scopes, "
      "code_challenge, code_challenge_method, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, code.id);
  q.bind(2, code.application_id);
  q.bind(3, code.user_id);
  q.bind(4, code.code_hash);
  q.bind(5, code.redirect_uri);
  q.bind(6, code.scopes);
  bind_optional(q, 7, code.code_challenge);
  bind_optional(q, 8, code.code_challenge_method);
  q.bind(9, code.created_at);
  q.bind(10, code.expires_at);
  q.exec();
}

std::optional<AuthorizationCodeRecord> find_authorization_code(Connection& c, const std::string& code_hash) {
  auto& q = c.prepare(
      "SELECT id, application_id, user_id, code_hash, redirect_uri, scopes, code_challenge, code_challenge_method, "
      "created_at, expires_at, used_at FROM oauth_authorization_codes WHERE code_hash = ?");
  q.bind(1, code_hash);
  if (!q.executeStep()) return std::nullopt;
  AuthorizationCodeRecord r;
  r.id = q.getColumn(0).getInt64();
  r.application_id = q.getColumn(1).getInt64();
  r.user_id = q.getColumn(2).getInt64();
  r.code_hash = q.getColumn(3).getString();
  r.redirect_uri = q.getColumn(4).getString();
  r.scopes = q.getColumn(5).getString();
  r.code_challenge = optional_text(q, 6);
  r.code_challenge_method = optional_text(q, 7);
  r.created_at = q.getColumn(8).getInt64();
  r.expires_at = q.getColumn(9).getInt64();
  r.used_at = optional_int(q, 10);
  return r;
}

bool mark_authorization_code_used(Connection& c, int64_t id, int64_t now) {
  auto& q = c.prepare("UPDATE oauth_authorization_codes SET used_at = ? WHERE id = ? AND used_at IS NULL");
  q.bind(1, now);
  q.bind(2, id);
  return q.exec() == 1;
}

void delete_expired_authorization_codes(Connection& c, int64_t now) {
  auto& q = c.prepare("DELETE FROM oauth_authorization_codes WHERE expires_at < ?");
  q.bind(1, now);
  q.exec();
}

void insert_access_token(Connection& c, int64_t id, std::optional<int64_t> application_id,
                         std::optional<int64_t> user_id, const std::string& token_hash, const std::string& scopes,
                         int64_t now) {
  auto& q = c.prepare(
      "INSERT INTO oauth_access_tokens (id, application_id, user_id, token_hash, scopes, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, id);
  bind_optional(q, 2, application_id);
  bind_optional(q, 3, user_id);
  q.bind(4, token_hash);
  q.bind(5, scopes);
  q.bind(6, now);
  q.exec();
}

std::optional<AccessTokenRecord> find_live_access_token(Connection& c, const std::string& token_hash) {
  auto& q = c.prepare(
      "SELECT t.id, t.application_id, t.user_id, u.account_id, t.scopes, t.created_at, t.last_used_at, "
      "coalesce(u.approved, 1), (u.disabled = 1 OR a.suspended_at IS NOT NULL) "
      "FROM oauth_access_tokens t "
      "LEFT JOIN users u ON u.id = t.user_id "
      "LEFT JOIN accounts a ON a.id = u.account_id "
      "WHERE t.token_hash = ? AND t.revoked_at IS NULL");
  q.bind(1, token_hash);
  if (!q.executeStep()) return std::nullopt;
  AccessTokenRecord r;
  r.id = q.getColumn(0).getInt64();
  r.application_id = optional_int(q, 1);
  r.user_id = optional_int(q, 2);
  r.account_id = optional_int(q, 3);
  r.scopes = q.getColumn(4).getString();
  r.created_at = q.getColumn(5).getInt64();
  r.last_used_at = optional_int(q, 6);
  r.user_approved = q.getColumn(7).getInt() != 0;
  r.user_disabled = q.getColumn(8).getInt() != 0;
  return r;
}

bool revoke_access_token(Connection& c, const std::string& token_hash, int64_t application_id, int64_t now) {
  auto& q = c.prepare(
      "UPDATE oauth_access_tokens SET revoked_at = ? WHERE token_hash = ? AND application_id = ? "
      "AND revoked_at IS NULL");
  q.bind(1, now);
  q.bind(2, token_hash);
  q.bind(3, application_id);
  return q.exec() == 1;
}

void touch_access_token(Connection& c, int64_t id, int64_t now) {
  auto& q = c.prepare("UPDATE oauth_access_tokens SET last_used_at = ? WHERE id = ?");
  q.bind(1, now);
  q.bind(2, id);
  q.exec();
}

}  // namespace vmst::store
