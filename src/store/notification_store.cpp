#include "store/notification_store.hpp"

namespace vmst::store {

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
  c.record_event({CommitEvent::Kind::NotificationCreated, 0, row.id, {row.account_id}});
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
  while (q.executeStep()) {
    NotificationRow n;
    n.id = q.getColumn(0).getInt64();
    n.account_id = q.getColumn(1).getInt64();
    n.from_account_id = q.getColumn(2).getInt64();
    n.type = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull()) n.status_id = q.getColumn(4).getInt64();
    n.created_at = q.getColumn(5).getInt64();
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace vmst::store
