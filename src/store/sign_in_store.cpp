#include "store/sign_in_store.hpp"

namespace vmst::store {

namespace {

constexpr const char* kLoginColumns =
    "SELECT u.id, a.id, a.username, u.password_hash, u.approved, u.disabled, a.suspended_at IS NOT NULL "
    "FROM users u JOIN accounts a ON a.id = u.account_id ";

std::optional<LoginUser> read_login_user(SQLite::Statement& q) {
  if (!q.executeStep()) return std::nullopt;
  LoginUser user;
  user.user_id = q.getColumn(0).getInt64();
  user.account_id = q.getColumn(1).getInt64();
  user.username = q.getColumn(2).getString();
  user.password_hash = q.getColumn(3).getString();
  user.approved = q.getColumn(4).getInt() != 0;
  user.disabled = q.getColumn(5).getInt() != 0;
  user.suspended = q.getColumn(6).getInt() != 0;
  return user;
}

}  // namespace

std::optional<LoginUser> find_login_user_by_email(Connection& c, const std::string& email) {
  // users.email is COLLATE NOCASE.
  auto& q = c.prepare(std::string(kLoginColumns) + "WHERE u.email = ?");
  q.bind(1, email);
  return read_login_user(q);
}

std::optional<LoginUser> find_login_user_by_username(Connection& c, const std::string& username) {
  auto& q = c.prepare(std::string(kLoginColumns) +
                      "WHERE lower(a.username) = lower(?) AND coalesce(lower(a.domain), '') = ''");
  q.bind(1, username);
  return read_login_user(q);
}

void record_sign_in(Connection& c, int64_t user_id, int64_t now) {
  auto& q = c.prepare("UPDATE users SET last_sign_in_at = ? WHERE id = ?");
  q.bind(1, now);
  q.bind(2, user_id);
  q.exec();
}

}  // namespace vmst::store
