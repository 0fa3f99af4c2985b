#include "store/account_store.hpp"

#include <nlohmann/json.hpp>

#include "store/account_row.hpp"
#include "store/sql_values.hpp"

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
// Between the shared head and tail: what federation and signing need, and the note's source for editing.
constexpr const char* kAccountFederationColumns =
    "a.note_source, a.inbox_url, a.outbox_url, a.shared_inbox_url, a.followers_url, a.following_url, a.featured_url,"
    " a.public_key_id, a.public_key_pem, a.private_key_pem, ";

const std::string& account_columns() {
  static const std::string columns =
      std::string(kAccountHeadColumns) + kAccountFederationColumns + kAccountTailColumns;
  return columns;
}

AccountRecord read_account(SQLite::Statement& q) {
  AccountRecord a;
  int i = 0;
  read_account_head(q, i, a);
  a.note_source = q.getColumn(i++).getString();
  for (auto* field : {&a.inbox_url, &a.outbox_url, &a.shared_inbox_url, &a.followers_url, &a.following_url,
                      &a.featured_url, &a.public_key_id, &a.public_key_pem}) {
    *field = q.getColumn(i++).getString();
  }
  a.private_key_pem = column_text(q, i++);
  read_account_tail(q, i, a);
  return a;
}

std::optional<AccountRecord> first_account(SQLite::Statement& q) {
  if (!q.executeStep()) return std::nullopt;
  return read_account(q);
}

}  // namespace

std::optional<AccountRecord> find_account(Connection& c, int64_t id) {
  auto& q = c.prepare(account_columns() + "WHERE a.id = ?");
  q.bind(1, id);
  return first_account(q);
}

std::optional<AccountRecord> find_remote_account_by_handle(Connection& c, const std::string& username,
                                                           const std::string& domain) {
  auto& q = c.prepare(account_columns() +
                      "WHERE lower(a.username) = lower(?) AND coalesce(lower(a.domain), '') = lower(?) "
                      "AND a.domain IS NOT NULL");
  q.bind(1, username);
  q.bind(2, domain);
  return first_account(q);
}

std::vector<AccountRecord> find_accounts(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<AccountRecord> out;
  if (ids.empty()) return out;
  nlohmann::json list = ids;
  auto& q = c.prepare(account_columns() + "WHERE a.id IN (SELECT value FROM json_each(?))");
  q.bind(1, list.dump());
  while (q.executeStep()) out.push_back(read_account(q));
  return out;
}

std::optional<AccountRecord> find_account_by_key_id(Connection& c, const std::string& key_id) {
  auto& q = c.prepare(account_columns() + "WHERE a.public_key_id = ? AND a.public_key_id <> ''");
  q.bind(1, key_id);
  return first_account(q);
}

int64_t upsert_remote_account(Connection& c, const RemoteAccountRow& r, int64_t new_id) {
  auto& existing = c.prepare("SELECT id FROM accounts WHERE uri = ?");
  existing.bind(1, r.uri);
  std::optional<int64_t> id;
  if (existing.executeStep()) id = existing.getColumn(0).getInt64();

  // Free the handle if another actor holds it (the old one stays reachable by its uri).
  auto& holder = c.prepare(
      "SELECT id FROM accounts WHERE lower(username) = lower(?) AND coalesce(lower(domain), '') = lower(?) AND uri <> ?");
  holder.bind(1, r.username);
  holder.bind(2, r.domain);
  holder.bind(3, r.uri);
  if (holder.executeStep()) {
    int64_t old_id = holder.getColumn(0).getInt64();
    auto& rename = c.prepare("UPDATE accounts SET username = username || '~' || id WHERE id = ?");
    rename.bind(1, old_id);
    rename.exec();
  }

  if (id) {
    // A copy of an avatar or header the actor no longer shows is let go (remote_media_store.hpp).
    auto& unlink = c.prepare(
        "UPDATE accounts SET avatar_media_id = CASE WHEN avatar_remote_url IS ? THEN avatar_media_id END,"
        " header_media_id = CASE WHEN header_remote_url IS ? THEN header_media_id END"
        " WHERE id = ? AND domain IS NOT NULL");
    bind_optional(unlink, 1, r.avatar_remote_url);
    bind_optional(unlink, 2, r.header_remote_url);
    unlink.bind(3, *id);
    unlink.exec();
  }

  const char* sql = id ? "UPDATE accounts SET username = ?, domain = ?, actor_type = ?, display_name = ?, note = ?,"
                         " url = ?, inbox_url = ?, outbox_url = ?, shared_inbox_url = ?, followers_url = ?,"
                         " following_url = ?, featured_url = ?, public_key_id = ?, public_key_pem = ?,"
                         " avatar_remote_url = ?, header_remote_url = ?, fields = ?, also_known_as = ?, locked = ?,"
                         " bot = ?, discoverable = ?, indexable = ?, memorial = ?, updated_at = ?, last_fetched_at = ?,"
                         " gone_at = NULL WHERE id = ?"
                       : "INSERT INTO accounts (username, domain, actor_type, display_name, note, url, inbox_url,"
                         " outbox_url, shared_inbox_url, followers_url, following_url, featured_url, public_key_id,"
                         " public_key_pem, avatar_remote_url, header_remote_url, fields, also_known_as, locked, bot,"
                         " discoverable, indexable, memorial, updated_at, last_fetched_at, id, uri, created_at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  auto& q = c.prepare(sql);
  int i = 1;
  q.bind(i++, r.username);
  q.bind(i++, r.domain);
  q.bind(i++, r.actor_type);
  q.bind(i++, r.display_name);
  q.bind(i++, r.note);
  if (r.url) q.bind(i++, *r.url); else q.bind(i++);
  for (const auto* text : {&r.inbox_url, &r.outbox_url, &r.shared_inbox_url, &r.followers_url, &r.following_url,
                           &r.featured_url, &r.public_key_id, &r.public_key_pem}) {
    q.bind(i++, *text);
  }
  if (r.avatar_remote_url) q.bind(i++, *r.avatar_remote_url); else q.bind(i++);
  if (r.header_remote_url) q.bind(i++, *r.header_remote_url); else q.bind(i++);
  q.bind(i++, r.fields_json);
  q.bind(i++, r.also_known_as_json);
  for (bool flag : {r.locked, r.bot, r.discoverable, r.indexable, r.memorial}) q.bind(i++, flag ? 1 : 0);
  q.bind(i++, r.fetched_at);
  q.bind(i++, r.fetched_at);
  if (id) {
    q.bind(i++, *id);
    q.exec();
    return *id;
  }
  q.bind(i++, new_id);
  q.bind(i++, r.uri);
  q.bind(i++, r.fetched_at);
  q.exec();
  auto& stats = c.prepare("INSERT INTO account_stats (account_id) VALUES (?)");
  stats.bind(1, new_id);
  stats.exec();
  return new_id;
}

std::optional<AccountRecord> find_account_by_uri(Connection& c, const std::string& uri) {
  auto& q = c.prepare(account_columns() + "WHERE a.uri = ?");
  q.bind(1, uri);
  return first_account(q);
}

std::optional<AccountRecord> find_local_account_by_username(Connection& c, const std::string& username) {
  auto& q = c.prepare(account_columns() +
                      "WHERE lower(a.username) = lower(?) AND coalesce(lower(a.domain), '') = ''");
  q.bind(1, username);
  return first_account(q);
}

std::optional<AccountRecord> find_instance_actor(Connection& c) {
  auto& q = c.prepare(account_columns() + "WHERE a.domain IS NULL AND a.actor_type = 'Application' LIMIT 1");
  return first_account(q);
}

void insert_instance_actor(Connection& c, const NewInstanceActor& a) {
  auto& q = c.prepare(
      "INSERT INTO accounts (id, username, domain, actor_type, uri, url, inbox_url, outbox_url, shared_inbox_url,"
      " public_key_id, public_key_pem, private_key_pem, locked, created_at, updated_at)"
      " VALUES (?, ?, NULL, 'Application', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
  int i = 1;
  q.bind(i++, a.account_id);
  for (const auto* s : {&a.username, &a.uri, &a.url, &a.inbox_url, &a.outbox_url, &a.shared_inbox_url,
                        &a.public_key_id, &a.public_key_pem, &a.private_key_pem}) {
    q.bind(i++, *s);
  }
  q.bind(i++, a.created_at);
  q.bind(i++, a.created_at);
  q.exec();
  auto& stats = c.prepare("INSERT INTO account_stats (account_id) VALUES (?)");
  stats.bind(1, a.account_id);
  stats.exec();
}

void insert_local_account(Connection& c, const NewLocalAccount& a) {
  auto& account = c.prepare(
      "INSERT INTO accounts (id, username, domain, uri, url, inbox_url, outbox_url, shared_inbox_url, followers_url,"
      " following_url, featured_url, public_key_id, public_key_pem, private_key_pem, discoverable, indexable,"
      " created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?)");
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
      "INSERT INTO users (id, account_id, email, password_hash, role, approved, confirmed_at, locale, sign_up_reason,"
      " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  user.bind(1, a.user_id);
  user.bind(2, a.account_id);
  user.bind(3, a.email);
  user.bind(4, a.password_hash);
  user.bind(5, a.role);
  user.bind(6, a.approved ? 1 : 0);
  user.bind(7, a.created_at);
  user.bind(8, a.locale);
  user.bind(9, a.sign_up_reason);
  user.bind(10, a.created_at);
  user.bind(11, a.created_at);
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
