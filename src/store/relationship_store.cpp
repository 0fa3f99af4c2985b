#include "store/relationship_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

std::set<int64_t> ids(Connection& c, const std::string& sql, int64_t viewer, const std::string& list) {
  auto& q = c.prepare(sql);
  q.bind(1, viewer);
  q.bind(2, list);
  std::set<int64_t> out;
  while (q.executeStep()) out.insert(q.getColumn(0).getInt64());
  return out;
}

std::map<int64_t, FollowOptionsRow> options(Connection& c, const char* table, int64_t viewer, const std::string& list) {
  auto& q = c.prepare(std::string("SELECT target_account_id, show_reblogs, notify, languages FROM ") + table +
                      " WHERE account_id = ?1 AND target_account_id IN (SELECT value FROM json_each(?2))");
  q.bind(1, viewer);
  q.bind(2, list);
  std::map<int64_t, FollowOptionsRow> out;
  while (q.executeStep()) {
    out[q.getColumn(0).getInt64()] = {q.getColumn(1).getInt() != 0, q.getColumn(2).getInt() != 0, column_text(q, 3)};
  }
  return out;
}

}  // namespace

RelationshipRows relationship_rows(Connection& c, int64_t viewer, const std::vector<int64_t>& account_ids) {
  RelationshipRows rows;
  if (account_ids.empty()) return rows;
  const std::string list = id_list(account_ids);
  rows.following = options(c, "follows", viewer, list);
  rows.requested = options(c, "follow_requests", viewer, list);
  rows.followed_by = ids(c,
                         "SELECT account_id FROM follows WHERE target_account_id = ?1"
                         " AND account_id IN (SELECT value FROM json_each(?2))",
                         viewer, list);
  rows.requested_by = ids(c,
                          "SELECT account_id FROM follow_requests WHERE target_account_id = ?1"
                          " AND account_id IN (SELECT value FROM json_each(?2))",
                          viewer, list);
  rows.blocking = ids(c,
                      "SELECT target_account_id FROM blocks WHERE account_id = ?1"
                      " AND target_account_id IN (SELECT value FROM json_each(?2))",
                      viewer, list);
  rows.blocked_by = ids(c,
                        "SELECT account_id FROM blocks WHERE target_account_id = ?1"
                        " AND account_id IN (SELECT value FROM json_each(?2))",
                        viewer, list);
  rows.endorsed = ids(c,
                      "SELECT target_account_id FROM account_endorsements WHERE account_id = ?1"
                      " AND target_account_id IN (SELECT value FROM json_each(?2))",
                      viewer, list);
  {
    auto& q = c.prepare(
        "SELECT target_account_id, hide_notifications, expires_at FROM mutes WHERE account_id = ?1"
        " AND target_account_id IN (SELECT value FROM json_each(?2))");
    q.bind(1, viewer);
    q.bind(2, list);
    while (q.executeStep()) rows.muting[q.getColumn(0).getInt64()] = {q.getColumn(1).getInt() != 0, column_int(q, 2)};
  }
  {
    auto& q = c.prepare(
        "SELECT target_account_id, comment FROM account_notes WHERE account_id = ?1"
        " AND target_account_id IN (SELECT value FROM json_each(?2))");
    q.bind(1, viewer);
    q.bind(2, list);
    while (q.executeStep()) rows.notes[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
  }
  {
    auto& q = c.prepare("SELECT lower(domain) FROM account_domain_blocks WHERE account_id = ?");
    q.bind(1, viewer);
    while (q.executeStep()) rows.blocked_domains.insert(q.getColumn(0).getString());
  }
  return rows;
}

bool blocks_or_mutes_any(Connection& c, int64_t viewer, const std::vector<int64_t>& account_ids, int64_t now) {
  if (account_ids.empty()) return false;
  auto& q = c.prepare(
      "SELECT EXISTS (SELECT 1 FROM blocks WHERE account_id = ?1 AND target_account_id IN (SELECT value FROM json_each(?2)))"
      " OR EXISTS (SELECT 1 FROM blocks WHERE target_account_id = ?1 AND account_id IN (SELECT value FROM json_each(?2)))"
      " OR EXISTS (SELECT 1 FROM mutes WHERE account_id = ?1 AND target_account_id IN (SELECT value FROM json_each(?2))"
      " AND (expires_at IS NULL OR expires_at > ?3))");
  q.bind(1, viewer);
  q.bind(2, id_list(account_ids));
  q.bind(3, now);
  q.executeStep();
  return q.getColumn(0).getInt() != 0;
}

}  // namespace vmst::store
