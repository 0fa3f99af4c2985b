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

constexpr const char* kReportColumns =
    "SELECT id, account_id, target_account_id, category, comment, rule_ids, forwarded, uri, action_taken_at,"
    " created_at FROM reports ";

ReportRecord read_report(SQLite::Statement& q) {
  ReportRecord r;
  r.id = q.getColumn(0).getInt64();
  r.account_id = q.getColumn(1).getInt64();
  r.target_account_id = q.getColumn(2).getInt64();
  r.category = q.getColumn(3).getString();
  r.comment = q.getColumn(4).getString();
  auto rules = nlohmann::json::parse(q.getColumn(5).getString(), nullptr, false);
  if (rules.is_array()) {
    for (const auto& id : rules) {
      if (id.is_number_integer()) r.rule_ids.push_back(id.get<int64_t>());
    }
  }
  r.forwarded = q.getColumn(6).getInt() != 0;
  r.uri = column_text(q, 7);
  r.action_taken_at = column_int(q, 8);
  r.created_at = q.getColumn(9).getInt64();
  return r;
}

void load_status_ids(Connection& c, ReportRecord& r) {
  auto& q = c.prepare("SELECT status_id FROM report_statuses WHERE report_id = ? ORDER BY status_id");
  q.bind(1, r.id);
  r.status_ids = ids_of(q);
}

}  // namespace

std::vector<ReportRecord> list_reports(Connection& c, bool include_resolved) {
  auto& q = c.prepare(std::string(kReportColumns) +
                      (include_resolved ? "ORDER BY id DESC" : "WHERE action_taken_at IS NULL ORDER BY id DESC"));
  std::vector<ReportRecord> out;
  while (q.executeStep()) out.push_back(read_report(q));
  q.reset();
  for (auto& r : out) load_status_ids(c, r);
  return out;
}

std::optional<ReportRecord> find_report(Connection& c, int64_t id) {
  auto& q = c.prepare(std::string(kReportColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  auto r = read_report(q);
  q.reset();
  load_status_ids(c, r);
  return r;
}

bool report_uri_taken(Connection& c, const std::string& uri) {
  auto& q = c.prepare("SELECT 1 FROM reports WHERE uri = ?");
  q.bind(1, uri);
  return q.executeStep();
}

void resolve_report(Connection& c, int64_t id, std::optional<int64_t> by, int64_t now) {
  auto& q = c.prepare(
      "UPDATE reports SET action_taken_at = ?, action_taken_by_account_id = ?, updated_at = ? WHERE id = ?");
  q.bind(1, now);
  bind_optional(q, 2, by);
  q.bind(3, now);
  q.bind(4, id);
  q.exec();
}

void mark_report_forwarded(Connection& c, int64_t id, const std::string& uri, int64_t now) {
  auto& q = c.prepare("UPDATE reports SET forwarded = 1, uri = coalesce(uri, ?), updated_at = ? WHERE id = ?");
  q.bind(1, uri);
  q.bind(2, now);
  q.bind(3, id);
  q.exec();
}

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
