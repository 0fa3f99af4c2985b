#include "store/account_store.hpp"

namespace vmst::store {

namespace {
constexpr const char* kSummaryColumns =
    "SELECT a.id, u.id, a.username, u.email, u.role, u.approved, u.disabled, a.suspended_at IS NOT NULL, "
    "u.created_at, u.last_sign_in_at FROM users u JOIN accounts a ON a.id = u.account_id ";

LocalAccountSummary read_summary(SQLite::Statement& q) {
  LocalAccountSummary s;
  s.account_id = q.getColumn(0).getInt64();
  s.user_id = q.getColumn(1).getInt64();
  s.username = q.getColumn(2).getString();
  s.email = q.getColumn(3).getString();
  s.role = q.getColumn(4).getString();
  s.approved = q.getColumn(5).getInt() != 0;
  s.disabled = q.getColumn(6).getInt() != 0;
  s.suspended = q.getColumn(7).getInt() != 0;
  s.created_at = q.getColumn(8).getInt64();
  if (!q.getColumn(9).isNull()) s.last_sign_in_at = q.getColumn(9).getInt64();
  return s;
}
}  // namespace

void insert_local_account(Connection& c, const NewLocalAccount& a) {
  auto& account = c.prepare(
      "INSERT INTO accounts (id, username, domain, uri, url, inbox_url, outbox_url, shared_inbox_url, followers_url,"
      " following_url, featured_url, public_key_id, public_key_pem, private_key_pem, discoverable, indexable,"
      " created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)");
  int i = 1;
  account.bind(i++, a.account_id);
  account.bind(i++, a.username);
  for (const auto* s : {&a.uri, &a.url, &a.inbox_url, &a.outbox_url, &a.shared_inbox_url, &a.followers_url,
                        &a.following_url, &a.featured_url, &a.public_key_id, &a.public_key_pem, &a.private_key_pem}) {
    account.bind(i++, *s);
  }
  account.bind(i++, a.created_at);
  account.bind(i++, a.created_at);
  account.exec();

  auto& stats = c.prepare("INSERT INTO account_stats (account_id) VALUES (?)");
  stats.bind(1, a.account_id);
  stats.exec();

  auto& user = c.prepare(
      "INSERT INTO users (id, account_id, email, password_hash, role, approved, confirmed_at, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)");
  user.bind(1, a.user_id);
  user.bind(2, a.account_id);
  user.bind(3, a.email);
  user.bind(4, a.password_hash);
  user.bind(5, a.role);
  user.bind(6, a.created_at);
  user.bind(7, a.created_at);
  user.bind(8, a.created_at);
  user.exec();
}

std::vector<LocalAccountSummary> list_local_accounts(Connection& c) {
  auto& q = c.prepare(std::string(kSummaryColumns) + "ORDER BY a.id");
  std::vector<LocalAccountSummary> out;
  while (q.executeStep()) out.push_back(read_summary(q));
  return out;
}

std::optional<LocalAccountSummary> find_local_account(Connection& c, const std::string& username) {
  auto& q = c.prepare(std::string(kSummaryColumns) + "WHERE lower(a.username) = lower(?) AND coalesce(lower(a.domain), '') = ''");
  q.bind(1, username);
  if (!q.executeStep()) return std::nullopt;
  return read_summary(q);
}

bool local_username_taken(Connection& c, const std::string& username) {
  auto& q = c.prepare("SELECT 1 FROM accounts WHERE lower(username) = lower(?) AND coalesce(lower(domain), '') = ''");
  q.bind(1, username);
  return q.executeStep();
}

bool email_taken(Connection& c, const std::string& email) {
  auto& q = c.prepare("SELECT 1 FROM users WHERE email = ?");
  q.bind(1, email);
  return q.executeStep();
}

void update_password_hash(Connection& c, int64_t user_id, const std::string& password_hash, int64_t now) {
  auto& q = c.prepare("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?");
  q.bind(1, password_hash);
  q.bind(2, now);
  q.bind(3, user_id);
  q.exec();
}

void end_sessions_and_tokens(Connection& c, int64_t user_id, int64_t now) {
  auto& sessions = c.prepare("DELETE FROM web_sessions WHERE user_id = ?");
  sessions.bind(1, user_id);
  sessions.exec();
  auto& tokens = c.prepare("UPDATE oauth_access_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL");
  tokens.bind(1, now);
  tokens.bind(2, user_id);
  tokens.exec();
}

int64_t count_local_users(Connection& c) {
  auto& q = c.prepare("SELECT count(*) FROM users");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

}  // namespace vmst::store
