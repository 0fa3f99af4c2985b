#include "store/relationship_severance_store.hpp"

#include "store/ids.hpp"
#include "store/sql_values.hpp"

namespace vmst::store {

void record_relationship_severance(Connection& c, int64_t event_id, const std::string& type,
                                   const std::string& target_name, bool purged,
                                   const std::vector<SeveranceCount>& counts, int64_t now) {
  auto& event = c.prepare(
      "INSERT INTO relationship_severance_events (id, type, target_name, purged, created_at) VALUES (?, ?, ?, ?, ?)");
  event.bind(1, event_id);
  event.bind(2, type);
  event.bind(3, target_name);
  event.bind(4, purged ? 1 : 0);
  event.bind(5, now);
  event.exec();
  auto& per_account = c.prepare(
      "INSERT INTO account_relationship_severance_events (id, account_id, event_id, followers_count, following_count)"
      " VALUES (?, ?, ?, ?, ?)");
  auto& notification = c.prepare(
      "INSERT INTO notifications (id, account_id, from_account_id, type, severance_event_id, created_at)"
      " VALUES (?, ?, ?, 'severed_relationships', ?, ?)");
  for (const auto& count : counts) {
    int64_t row_id = next_id();
    per_account.reset();
    per_account.bind(1, row_id);
    per_account.bind(2, count.account_id);
    per_account.bind(3, event_id);
    per_account.bind(4, count.followers_lost);
    per_account.bind(5, count.following_lost);
    per_account.exec();
    const int64_t notification_id = next_id();
    notification.reset();
    notification.bind(1, notification_id);
    notification.bind(2, count.account_id);
    notification.bind(3, count.account_id);
    notification.bind(4, row_id);
    notification.bind(5, now);
    notification.exec();
    c.record_event({CommitEvent::Kind::NotificationCreated, 0, notification_id, {count.account_id}, {}});
  }
}

std::unordered_map<int64_t, SeveranceEventView> severance_events_of(Connection& c,
                                                                    const std::vector<int64_t>& notification_ids) {
  std::unordered_map<int64_t, SeveranceEventView> out;
  if (notification_ids.empty()) return out;
  auto& q = c.prepare(
      "SELECT n.id, e.id, e.type, e.purged, e.target_name, ae.followers_count, ae.following_count, e.created_at"
      " FROM notifications n JOIN account_relationship_severance_events ae ON ae.id = n.severance_event_id"
      " JOIN relationship_severance_events e ON e.id = ae.event_id"
      " WHERE n.id IN (SELECT value FROM json_each(?))");
  q.bind(1, id_list(notification_ids));
  while (q.executeStep()) {
    out.emplace(q.getColumn(0).getInt64(),
                SeveranceEventView{q.getColumn(1).getInt64(), q.getColumn(2).getString(), q.getColumn(3).getInt() != 0,
                                   q.getColumn(4).getString(), q.getColumn(5).getInt(), q.getColumn(6).getInt(),
                                   q.getColumn(7).getInt64()});
  }
  return out;
}

}  // namespace vmst::store
