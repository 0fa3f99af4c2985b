#include "store/account_timeline_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

std::vector<int64_t> account_status_ids(Connection& c, const AccountStatusesQuery& a) {
  // Pinned statuses are read from the pins (a handful) rather than by testing every status of the account for a
  // pin: an account with 100,000 statuses took a quarter of a second. CROSS JOIN keeps SQLite to that order.
  const std::string from = a.pinned ? "SELECT s.id FROM status_pins p CROSS JOIN statuses s ON s.id = p.status_id"
                                      " WHERE p.account_id = ?1 AND"
                                    : "SELECT s.id FROM statuses s WHERE";
  auto& q = c.prepare(
      from + " s.account_id = ?1 AND s.deleted_at IS NULL"
      " AND (?2 = 1 OR s.visibility IN ('public', 'unlisted') OR (?3 = 1 AND s.visibility = 'private')"
      "      OR (?4 IS NOT NULL AND EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = ?4)))"
      " AND (?5 = 0 OR EXISTS (SELECT 1 FROM media_attachments ma WHERE ma.status_id = s.id))"
      " AND (?6 = 0 OR (s.in_reply_to_id IS NULL AND s.in_reply_to_uri IS NULL)"
      "      OR s.in_reply_to_account_id = s.account_id)"
      " AND (?7 = 0 OR s.reblog_of_id IS NULL)"
      // A boost of a suspended account's status is hidden with it.
      " AND (s.reblog_of_id IS NULL OR (SELECT a.suspended_at FROM statuses r JOIN accounts a ON a.id = r.account_id"
      "      WHERE r.id = s.reblog_of_id) IS NULL)"
      " AND (?8 = 0 OR EXISTS (SELECT 1 FROM status_pins p WHERE p.status_id = s.id AND p.account_id = s.account_id))"
      " AND (?9 IS NULL OR EXISTS (SELECT 1 FROM status_tags st JOIN tags t ON t.id = st.tag_id"
      "      WHERE st.status_id = s.id AND t.name = ?9))" +
      paging_clause("s.id", 10, a.page));
  q.bind(1, a.account_id);
  q.bind(2, a.every_visibility ? 1 : 0);
  q.bind(3, a.followers_only ? 1 : 0);
  bind_optional(q, 4, a.mentioned);
  q.bind(5, a.only_media ? 1 : 0);
  q.bind(6, a.exclude_replies ? 1 : 0);
  q.bind(7, a.exclude_reblogs ? 1 : 0);
  q.bind(8, a.pinned ? 1 : 0);
  bind_optional(q, 9, a.tagged);
  bind_paging(q, 10, a.page);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return newest_first(std::move(out), a.page);
}

}  // namespace vmst::store
