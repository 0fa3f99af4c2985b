#include "store/inbox_store.hpp"

namespace vmst::store {

bool insert_inbox_activity(Connection& c, int64_t id, const std::optional<std::string>& activity_uri,
                           const std::string& actor_uri, const std::string& body, int64_t received_at) {
  auto& q = c.prepare(
      "INSERT INTO inbox_activities (id, activity_uri, actor_uri, body, received_at) VALUES (?, ?, ?, ?, ?)"
      " ON CONFLICT (activity_uri) DO NOTHING");
  q.bind(1, id);
  if (activity_uri) q.bind(2, *activity_uri); else q.bind(2);
  q.bind(3, actor_uri);
  q.bind(4, body);
  q.bind(5, received_at);
  q.exec();
  return c.changes() == 1;
}

std::vector<InboxActivity> pending_inbox_activities(Connection& c, int limit, int max_attempts) {
  auto& q = c.prepare(
      "SELECT id, activity_uri, actor_uri, body, attempts FROM inbox_activities WHERE processed_at IS NULL"
      " AND attempts < ? ORDER BY id LIMIT ?");
  q.bind(1, max_attempts);
  q.bind(2, limit);
  std::vector<InboxActivity> out;
  while (q.executeStep()) {
    InboxActivity a;
    a.id = q.getColumn(0).getInt64();
    if (!q.getColumn(1).isNull()) a.activity_uri = q.getColumn(1).getString();
    a.actor_uri = q.getColumn(2).getString();
    a.body = q.getColumn(3).getString();
    a.attempts = q.getColumn(4).getInt();
    out.push_back(std::move(a));
  }
  return out;
}

void mark_inbox_activity_processed(Connection& c, int64_t id, int64_t at) {
  auto& q = c.prepare("UPDATE inbox_activities SET processed_at = ? WHERE id = ?");
  q.bind(1, at);
  q.bind(2, id);
  q.exec();
}

void record_inbox_activity_failure(Connection& c, int64_t id, const std::string& error) {
  auto& q = c.prepare("UPDATE inbox_activities SET attempts = attempts + 1, last_error = ? WHERE id = ?");
  q.bind(1, error);
  q.bind(2, id);
  q.exec();
}

}  // namespace vmst::store
