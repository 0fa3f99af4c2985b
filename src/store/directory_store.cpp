#include "store/directory_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

std::vector<int64_t> directory_account_ids(Connection& c, const DirectoryQuery& query) {
  // Two statements rather than one with a bound ORDER BY: SQLite cannot bind an ordering.
  static const std::string kSelect =
      "SELECT a.id FROM accounts a LEFT JOIN account_stats s ON s.account_id = a.id"
      " LEFT JOIN users u ON u.account_id = a.id"
      " WHERE a.discoverable = 1 AND a.suspended_at IS NULL AND a.silenced_at IS NULL"
      " AND a.moved_to_account_id IS NULL AND a.actor_type <> 'Application'"
      " AND (a.domain IS NOT NULL OR (u.approved = 1 AND u.disabled = 0))"
      " AND (?1 = 0 OR a.domain IS NULL)"
      " AND (?2 IS NULL OR (a.id <> ?2"
      "   AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = ?2 AND b.target_account_id = a.id)"
      "                                          OR (b.account_id = a.id AND b.target_account_id = ?2))"
      "   AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = ?2 AND m.target_account_id = a.id)))";
  auto& q = c.prepare(kSelect + (query.by_activity ? " ORDER BY s.last_status_at IS NULL, s.last_status_at DESC, a.id DESC"
                                                   : " ORDER BY a.id DESC") +
                      " LIMIT ?3 OFFSET ?4");
  q.bind(1, query.local_only ? 1 : 0);
  bind_optional(q, 2, query.viewer);
  q.bind(3, query.limit);
  q.bind(4, query.offset);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace vmst::store
