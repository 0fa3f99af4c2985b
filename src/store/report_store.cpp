#include "store/report_store.hpp"

#include <nlohmann/json.hpp>

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

std::vector<int64_t> ids_of(SQLite::Statement& q) {
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace

void insert_report(Connection& c, const ReportRecord& r) {
  auto& q = c.prepare(
      "INSERT INTO reports (id, account_id, target_account_id, category, comment, rule_ids, forwarded, uri,"
      " action_taken_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, r.id);
  q.bind(2, r.account_id);
  q.bind(3, r.target_account_id);
  q.bind(4, r.category);
  q.bind(5, r.comment);
  q.bind(6, id_list(r.rule_ids));
  q.bind(7, r.forwarded ? 1 : 0);
  if (r.uri) q.bind(8, *r.uri); else q.bind(8);
  if (r.action_taken_at) q.bind(9, *r.action_taken_at); else q.bind(9);
  q.bind(10, r.created_at);
  q.bind(11, r.created_at);
  q.exec();
  auto& s = c.prepare("INSERT OR IGNORE INTO report_statuses (report_id, status_id) VALUES (?, ?)");
  for (int64_t status_id : r.status_ids) {
    s.reset();
    s.bind(1, r.id);
    s.bind(2, status_id);
    s.exec();
  }
}

std::vector<int64_t> statuses_by(Connection& c, int64_t account_id, const std::vector<int64_t>& ids) {
  auto& q = c.prepare("SELECT id FROM statuses WHERE account_id = ? AND id IN (SELECT value FROM json_each(?))");
  q.bind(1, account_id);
  q.bind(2, id_list(ids));
  return ids_of(q);
}

std::vector<int64_t> existing_rule_ids(Connection& c, const std::vector<int64_t>& ids) {
  auto& q = c.prepare("SELECT id FROM instance_rules WHERE id IN (SELECT value FROM json_each(?))");
  q.bind(1, id_list(ids));
  return ids_of(q);
}

}  // namespace vmst::store
