#include "store/instance_rule_store.hpp"

namespace vmst::store {

int64_t next_instance_rule_id(Connection& c) {
  auto& q = c.prepare("SELECT coalesce(max(id), 0) + 1 FROM instance_rules");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

void insert_instance_rule(Connection& c, int64_t id, const std::string& text, const std::string& hint, int64_t now) {
  auto& q = c.prepare(
      "INSERT INTO instance_rules (id, position, text, hint, created_at, updated_at)"
      " VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM instance_rules), ?, ?, ?, ?)");
  q.bind(1, id);
  q.bind(2, text);
  q.bind(3, hint);
  q.bind(4, now);
  q.bind(5, now);
  q.exec();
}

bool delete_instance_rule(Connection& c, int64_t id) {
  auto& q = c.prepare("DELETE FROM instance_rules WHERE id = ?");
  q.bind(1, id);
  return q.exec() > 0;
}

void renumber_instance_rules(Connection& c, const std::vector<int64_t>& ordered_ids, int64_t now) {
  int position = 1;
  for (int64_t id : ordered_ids) {
    auto& q = c.prepare("UPDATE instance_rules SET position = ?, updated_at = ? WHERE id = ? AND position <> ?");
    q.bind(1, position);
    q.bind(2, now);
    q.bind(3, id);
    q.bind(4, position);
    q.exec();
    ++position;
  }
}

}  // namespace vmst::store
