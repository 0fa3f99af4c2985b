#include "store/marker_store.hpp"

namespace vmst::store {

namespace {

MarkerRecord read_marker(SQLite::Statement& q) {
  return {q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(), q.getColumn(3).getInt64()};
}

}  // namespace

std::vector<MarkerRecord> find_markers(Connection& c, int64_t account_id) {
  auto& q = c.prepare("SELECT timeline, last_read_id, version, updated_at FROM markers WHERE account_id = ?");
  q.bind(1, account_id);
  std::vector<MarkerRecord> out;
  while (q.executeStep()) out.push_back(read_marker(q));
  return out;
}

std::optional<MarkerRecord> find_marker(Connection& c, int64_t account_id, const std::string& timeline) {
  auto& q = c.prepare(
      "SELECT timeline, last_read_id, version, updated_at FROM markers WHERE account_id = ? AND timeline = ?");
  q.bind(1, account_id);
  q.bind(2, timeline);
  if (!q.executeStep()) return std::nullopt;
  return read_marker(q);
}

MarkerRecord save_marker(Connection& c, int64_t account_id, const std::string& timeline, int64_t last_read_id,
                         int64_t now) {
  auto& q = c.prepare(
      "INSERT INTO markers (account_id, timeline, last_read_id, version, updated_at) VALUES (?1, ?2, ?3, 1, ?4)"
      " ON CONFLICT (account_id, timeline) DO UPDATE SET last_read_id = excluded.last_read_id,"
      " version = version + 1, updated_at = excluded.updated_at"
      " RETURNING timeline, last_read_id, version, updated_at");
  q.bind(1, account_id);
  q.bind(2, timeline);
  q.bind(3, last_read_id);
  q.bind(4, now);
  q.executeStep();
  auto marker = read_marker(q);
  // Step to the end so the statement completes before the transaction commits.
  while (q.executeStep()) {
  }
  return marker;
}

}  // namespace vmst::store
