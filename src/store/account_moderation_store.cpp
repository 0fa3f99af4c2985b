#include "store/account_moderation_store.hpp"

#include "store/sql_values.hpp"
#include "store/status_store.hpp"

namespace vmst::store {

namespace {

void update_user(Connection& c, const char* sql, int64_t user_id, int64_t now) {
  auto& q = c.prepare(sql);
  q.bind(1, now);
  q.bind(2, user_id);
  q.exec();
}

void set_account_time(Connection& c, const char* sql, int64_t account_id, std::optional<int64_t> at) {
  auto& q = c.prepare(sql);
  bind_optional(q, 1, at);
  q.bind(2, account_id);
  q.exec();
}

}  // namespace

void set_user_approved(Connection& c, int64_t user_id, int64_t now) {
  update_user(c, "UPDATE users SET approved = 1, updated_at = ? WHERE id = ?", user_id, now);
}

void set_user_role(Connection& c, int64_t user_id, const std::string& role, int64_t now) {
  auto& q = c.prepare("UPDATE users SET role = ?, updated_at = ? WHERE id = ?");
  q.bind(1, role);
  q.bind(2, now);
  q.bind(3, user_id);
  q.exec();
}

void set_user_disabled(Connection& c, int64_t user_id, int64_t now) {
  update_user(c, "UPDATE users SET disabled = 1, updated_at = ? WHERE id = ?", user_id, now);
}

void end_web_sessions(Connection& c, int64_t user_id) {
  auto& q = c.prepare("DELETE FROM web_sessions WHERE user_id = ?");
  q.bind(1, user_id);
  q.exec();
}

bool account_suspended(Connection& c, int64_t account_id) {
  auto& q = c.prepare("SELECT 1 FROM accounts WHERE id = ? AND suspended_at IS NOT NULL");
  q.bind(1, account_id);
  return q.executeStep();
}

void set_account_suspended(Connection& c, int64_t account_id, std::optional<int64_t> at) {
  set_account_time(c, "UPDATE accounts SET suspended_at = ? WHERE id = ?", account_id, at);
}

void set_account_silenced(Connection& c, int64_t account_id, std::optional<int64_t> at) {
  set_account_time(c, "UPDATE accounts SET silenced_at = ? WHERE id = ?", account_id, at);
}

void delete_account_row(Connection& c, int64_t account_id) {
  auto& q = c.prepare("DELETE FROM accounts WHERE id = ?");
  q.bind(1, account_id);
  q.exec();
}

void mark_account_deleted(Connection& c, int64_t account_id, int64_t now) {
  auto& q = c.prepare(
      "UPDATE accounts SET display_name = '', note = '', note_source = '', fields = '[]', also_known_as = '[]',"
      " avatar_media_id = NULL, header_media_id = NULL, moved_to_account_id = NULL, locked = 0, discoverable = 0,"
      " indexable = 0, memorial = 0, silenced_at = NULL, suspended_at = coalesce(suspended_at, ?1),"
      " deleted_at = ?1, updated_at = ?1 WHERE id = ?2");
  q.bind(1, now);
  q.bind(2, account_id);
  q.exec();
  auto& stats = c.prepare(
      "UPDATE account_stats SET statuses_count = 0, following_count = 0, followers_count = 0, last_status_at = NULL"
      " WHERE account_id = ?");
  stats.bind(1, account_id);
  stats.exec();
}

int delete_statuses_of(Connection& c, int64_t account_id) {
  auto& q = c.prepare(
      "SELECT id FROM statuses WHERE account_id = ? AND id NOT IN (SELECT rs.status_id FROM report_statuses rs"
      " JOIN reports r ON r.id = rs.report_id WHERE r.action_taken_at IS NULL)");
  q.bind(1, account_id);
  std::vector<int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  q.reset();
  for (int64_t id : ids) delete_status(c, id);
  return static_cast<int>(ids.size());
}

void sever_follows_of(Connection& c, int64_t account_id) {
  // The other side's counters first, while the rows still say who they are.
  auto& followers = c.prepare(
      "UPDATE account_stats SET following_count = max(0, following_count - 1)"
      " WHERE account_id IN (SELECT account_id FROM follows WHERE target_account_id = ?)");
  followers.bind(1, account_id);
  followers.exec();
  auto& followed = c.prepare(
      "UPDATE account_stats SET followers_count = max(0, followers_count - 1)"
      " WHERE account_id IN (SELECT target_account_id FROM follows WHERE account_id = ?)");
  followed.bind(1, account_id);
  followed.exec();
  for (const char* sql : {"DELETE FROM follows WHERE account_id = ?1 OR target_account_id = ?1",
                          "DELETE FROM follow_requests WHERE account_id = ?1 OR target_account_id = ?1"}) {
    auto& q = c.prepare(sql);
    q.bind(1, account_id);
    q.exec();
  }
  auto& own = c.prepare("UPDATE account_stats SET following_count = 0, followers_count = 0 WHERE account_id = ?");
  own.bind(1, account_id);
  own.exec();
}

std::vector<RemoteFollowOf> follows_by_remote(Connection& c, int64_t remote_account_id) {
  auto& q = c.prepare(
      "SELECT f.id, f.uri, f.target_account_id FROM follows f JOIN accounts t ON t.id = f.target_account_id"
      " WHERE f.account_id = ? AND t.domain IS NULL");
  q.bind(1, remote_account_id);
  std::vector<RemoteFollowOf> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), column_text(q, 1), q.getColumn(2).getInt64()});
  return out;
}

void delete_follows_by(Connection& c, int64_t account_id) {
  auto& counters = c.prepare(
      "UPDATE account_stats SET followers_count = max(0, followers_count - 1)"
      " WHERE account_id IN (SELECT target_account_id FROM follows WHERE account_id = ?)");
  counters.bind(1, account_id);
  counters.exec();
  auto& q = c.prepare("DELETE FROM follows WHERE account_id = ?");
  q.bind(1, account_id);
  q.exec();
  auto& own = c.prepare("UPDATE account_stats SET following_count = 0 WHERE account_id = ?");
  own.bind(1, account_id);
  own.exec();
}

std::vector<RemoteInbox> known_remote_inboxes(Connection& c) {
  auto& q = c.prepare(
      "SELECT inbox_url, shared_inbox_url FROM accounts WHERE domain IS NOT NULL AND suspended_at IS NULL"
      " AND gone_at IS NULL AND inbox_url <> ''");
  std::vector<RemoteInbox> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return out;
}

LocalAccountAvailability local_account_availability(Connection& c, int64_t account_id) {
  auto& q = c.prepare(
      "SELECT coalesce(u.approved, 1), a.deleted_at IS NOT NULL FROM accounts a"
      " LEFT JOIN users u ON u.account_id = a.id WHERE a.id = ?");
  q.bind(1, account_id);
  LocalAccountAvailability out;
  if (q.executeStep()) {
    out.approved = q.getColumn(0).getInt() != 0;
    out.deleted = q.getColumn(1).getInt() != 0;
  }
  return out;
}

std::vector<LocalAccountMarks> local_account_marks(Connection& c) {
  auto& q = c.prepare(
      "SELECT a.id, a.silenced_at IS NOT NULL, a.deleted_at IS NOT NULL FROM accounts a"
      " JOIN users u ON u.account_id = a.id");
  std::vector<LocalAccountMarks> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt() != 0, q.getColumn(2).getInt() != 0});
  }
  return out;
}

void insert_admin_action(Connection& c, const AdminAction& a) {
  auto& q = c.prepare(
      "INSERT INTO admin_action_logs (account_id, action, target_type, target_id, summary, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?)");
  bind_optional(q, 1, a.account_id);
  q.bind(2, a.action);
  q.bind(3, a.target_type);
  q.bind(4, a.target_id);
  q.bind(5, a.summary);
  q.bind(6, a.created_at);
  q.exec();
}

}  // namespace vmst::store
