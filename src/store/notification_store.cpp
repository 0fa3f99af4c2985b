#include "store/notification_store.hpp"

#include <nlohmann/json.hpp>

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kColumns = "SELECT n.id, n.account_id, n.from_account_id, n.type, n.status_id, n.created_at";

// The conditions of a listing; n is the notification.
constexpr const char* kShown =
    " FROM notifications n WHERE n.account_id = :account"
    " AND n.type IN (SELECT value FROM json_each(:types))"
    " AND (:from IS NULL OR n.from_account_id = :from)"
    " AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = :account AND b.target_account_id = n.from_account_id)"
    // An account that blocks the reader no longer reaches it, as its statuses no longer do.
    " AND NOT EXISTS (SELECT 1 FROM blocks bb WHERE bb.account_id = n.from_account_id AND bb.target_account_id = :account)"
    " AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = :account AND m.target_account_id = n.from_account_id"
    " AND m.hide_notifications = 1 AND (m.expires_at IS NULL OR m.expires_at > :now))";

NotificationRow read_row(SQLite::Statement& q) {
  NotificationRow n;
  n.id = q.getColumn(0).getInt64();
  n.account_id = q.getColumn(1).getInt64();
  n.from_account_id = q.getColumn(2).getInt64();
  n.type = q.getColumn(3).getString();
  n.status_id = column_int(q, 4);
  n.created_at = q.getColumn(5).getInt64();
  return n;
}

void bind_scope(SQLite::Statement& q, const NotificationScope& scope) {
  q.bind(":account", scope.account_id);
  q.bind(":types", nlohmann::json(scope.types).dump());
  bind_optional(q, q.getIndex(":from"), scope.from_account_id);
  q.bind(":now", scope.now);
}

}  // namespace

bool silenced_stranger(Connection& c, int64_t recipient, int64_t from) {
  auto& q = c.prepare(
      "SELECT 1 FROM accounts WHERE id = ?2 AND silenced_at IS NOT NULL"
      " AND NOT EXISTS (SELECT 1 FROM follows WHERE account_id = ?1 AND target_account_id = ?2)");
  q.bind(1, recipient);
  q.bind(2, from);
  return q.executeStep();
}

void insert_notification(Connection& c, const NotificationRow& row) {
  auto& q = c.prepare(
      "INSERT INTO notifications (id, account_id, from_account_id, type, status_id, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, row.id);
  q.bind(2, row.account_id);
  q.bind(3, row.from_account_id);
  q.bind(4, row.type);
  if (row.status_id) q.bind(5, *row.status_id); else q.bind(5);
  q.bind(6, row.created_at);
  q.exec();
  c.record_event({CommitEvent::Kind::NotificationCreated, 0, row.id, {row.account_id}, {}});
}

void delete_notifications(Connection& c, int64_t account_id, int64_t from_account_id, const std::string& type,
                          const std::optional<int64_t>& status_id) {
  auto& q = c.prepare(
      "DELETE FROM notifications WHERE account_id = ? AND from_account_id = ? AND type = ?"
      " AND (? IS NULL OR status_id = ?)");
  q.bind(1, account_id);
  q.bind(2, from_account_id);
  q.bind(3, type);
  if (status_id) {
    q.bind(4, *status_id);
    q.bind(5, *status_id);
  } else {
    q.bind(4);
    q.bind(5);
  }
  q.exec();
}

std::vector<NotificationRow> notifications_for(Connection& c, int64_t account_id, int limit) {
  auto& q = c.prepare(
      "SELECT id, account_id, from_account_id, type, status_id, created_at FROM notifications WHERE account_id = ?"
      " ORDER BY id DESC LIMIT ?");
  q.bind(1, account_id);
  q.bind(2, limit);
  std::vector<NotificationRow> out;
  while (q.executeStep()) out.push_back(read_row(q));
  return out;
}

std::vector<NotificationRow> notification_page(Connection& c, const NotificationScope& scope, const IdPage& page) {
  std::vector<NotificationRow> out;
  if (scope.types.empty()) return out;
  auto& q = c.prepare(std::string(kColumns) + kShown + page_clause("n.id", page));
  bind_scope(q, scope);
  bind_page(q, page);
  while (q.executeStep()) out.push_back(read_row(q));
  return newest_first(std::move(out), page);
}

int64_t count_notifications_after(Connection& c, const NotificationScope& scope, int64_t after_id, int limit) {
  if (scope.types.empty()) return 0;
  auto& q = c.prepare(std::string("SELECT count(*) FROM (SELECT 1") + kShown + " AND n.id > :after LIMIT :limit)");
  bind_scope(q, scope);
  q.bind(":after", after_id);
  q.bind(":limit", limit);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::optional<NotificationRow> find_notification(Connection& c, int64_t account_id, int64_t id) {
  auto& q = c.prepare(std::string(kColumns) + " FROM notifications n WHERE n.id = ? AND n.account_id = ?");
  q.bind(1, id);
  q.bind(2, account_id);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

void delete_all_notifications(Connection& c, int64_t account_id) {
  auto& q = c.prepare("DELETE FROM notifications WHERE account_id = ?");
  q.bind(1, account_id);
  q.exec();
}

bool delete_notification(Connection& c, int64_t account_id, int64_t id) {
  auto& q = c.prepare("DELETE FROM notifications WHERE id = ? AND account_id = ?");
  q.bind(1, id);
  q.bind(2, account_id);
  return q.exec() > 0;
}

}  // namespace vmst::store
