#include "store/notification_store.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "store/sql_values.hpp"

#include <algorithm>

namespace vmst::store {

namespace {

constexpr const char* kColumns = "SELECT n.id, n.account_id, n.from_account_id, n.type, n.status_id, n.created_at, n.group_key";

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
  n.group_key = column_text(q, 6);
  return n;
}

// A notification's group in a listing: its key when its type is grouped, else a group of its own.
constexpr const char* kGroupOf =
    "(CASE WHEN n.group_key IS NOT NULL AND n.type IN (SELECT value FROM json_each(:grouped)) THEN n.group_key"
    " ELSE 'ungrouped-' || n.id END)";

// The notification id an "ungrouped-<id>" key names.
std::optional<int64_t> ungrouped_id(const std::string& key) {
  constexpr std::string_view kPrefix = "ungrouped-";
  if (key.rfind(kPrefix, 0) != 0) return std::nullopt;
  int64_t id = 0;
  const char* begin = key.data() + kPrefix.size();
  const char* end = key.data() + key.size();
  auto [stop, ec] = std::from_chars(begin, end, id);
  if (ec != std::errc() || stop != end || begin == end) return std::nullopt;
  return id;
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
      "INSERT INTO notifications (id, account_id, from_account_id, type, status_id, created_at, group_key)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, row.id);
  q.bind(2, row.account_id);
  q.bind(3, row.from_account_id);
  q.bind(4, row.type);
  if (row.status_id) q.bind(5, *row.status_id); else q.bind(5);
  q.bind(6, row.created_at);
  if (row.group_key) q.bind(7, *row.group_key); else q.bind(7);
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
      "SELECT id, account_id, from_account_id, type, status_id, created_at, group_key FROM notifications"
      " WHERE account_id = ?"
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

std::optional<std::string> latest_group_key(Connection& c, int64_t account_id, const std::string& prefix) {
  // Keys of one prefix sort between "<prefix>" and the same text with its last character ('-') raised to '.'.
  auto& q = c.prepare(
      "SELECT group_key FROM notifications WHERE account_id = ? AND group_key >= ? AND group_key < ?"
      " ORDER BY id DESC LIMIT 1");
  std::string after = prefix;
  if (!after.empty()) after.back() = static_cast<char>(after.back() + 1);
  q.bind(1, account_id);
  q.bind(2, prefix);
  q.bind(3, after);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

int64_t count_notification_groups_after(Connection& c, const NotificationScope& scope,
                                        const std::vector<std::string>& grouped_types, int64_t after_id, int limit) {
  if (scope.types.empty()) return 0;
  auto& q = c.prepare(std::string("SELECT count(*) FROM (SELECT DISTINCT ") + kGroupOf + kShown +
                      " AND n.id > :after LIMIT :limit)");
  bind_scope(q, scope);
  q.bind(":grouped", nlohmann::json(grouped_types).dump());
  q.bind(":after", after_id);
  q.bind(":limit", limit);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::optional<NotificationGroupData> notification_group_data(Connection& c, int64_t account_id,
                                                             const std::string& group_key, int64_t from, int64_t up_to,
                                                             int samples) {
  constexpr const char* kGroup = " FROM notifications WHERE account_id = ?1 AND group_key = ?2";
  auto& q = c.prepare(std::string("SELECT (SELECT id") + kGroup + " AND id <= ?4 ORDER BY id DESC LIMIT 1)," +
                      " (SELECT count(*)" + kGroup + " AND id <= ?4)," + " (SELECT id" + kGroup +
                      " AND id >= ?3 ORDER BY id ASC LIMIT 1)," + " (SELECT created_at" + kGroup +
                      " AND id <= ?4 ORDER BY id DESC LIMIT 1)");
  q.bind(1, account_id);
  q.bind(2, group_key);
  q.bind(3, from);
  q.bind(4, up_to);
  q.executeStep();
  if (q.getColumn(0).isNull()) return std::nullopt;
  NotificationGroupData data;
  data.most_recent_id = q.getColumn(0).getInt64();
  data.count = q.getColumn(1).getInt64();
  data.oldest_id_from = q.getColumn(2).isNull() ? data.most_recent_id : q.getColumn(2).getInt64();
  data.latest_created_at = q.getColumn(3).getInt64();

  auto& s = c.prepare(std::string("SELECT from_account_id") + kGroup + " AND id <= ?3 ORDER BY id DESC LIMIT ?4");
  s.bind(1, account_id);
  s.bind(2, group_key);
  s.bind(3, up_to);
  s.bind(4, samples);
  while (s.executeStep()) {
    const int64_t id = s.getColumn(0).getInt64();
    if (std::find(data.sample_account_ids.begin(), data.sample_account_ids.end(), id) == data.sample_account_ids.end()) {
      data.sample_account_ids.push_back(id);
    }
  }
  return data;
}

std::vector<NotificationRow> notifications_in_group(Connection& c, int64_t account_id, const std::string& group_key) {
  std::vector<NotificationRow> out;
  if (auto id = ungrouped_id(group_key)) {
    if (auto row = find_notification(c, account_id, *id)) out.push_back(std::move(*row));
    return out;
  }
  auto& q = c.prepare(std::string(kColumns) +
                      " FROM notifications n WHERE n.account_id = ? AND n.group_key = ? ORDER BY n.id DESC");
  q.bind(1, account_id);
  q.bind(2, group_key);
  while (q.executeStep()) out.push_back(read_row(q));
  return out;
}

int delete_notification_group(Connection& c, int64_t account_id, const std::string& group_key) {
  if (auto id = ungrouped_id(group_key)) return delete_notification(c, account_id, *id) ? 1 : 0;
  auto& q = c.prepare("DELETE FROM notifications WHERE account_id = ? AND group_key = ?");
  q.bind(1, account_id);
  q.bind(2, group_key);
  return q.exec();
}

}  // namespace vmst::store
