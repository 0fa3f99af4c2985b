#include "store/feed_merge_store.hpp"

namespace vmst::store {

void merge_into_home_feed(Connection& c, int64_t reader, int64_t author, int limit) {
  auto& q = c.prepare(
      "INSERT OR IGNORE INTO home_feed (account_id, status_id)"
      " SELECT ?1, s.id FROM statuses s WHERE s.account_id = ?2 AND s.deleted_at IS NULL"
      " AND s.visibility <> 'direct' AND (s.in_reply_to_account_id IS NULL OR s.in_reply_to_account_id = s.account_id)"
      " ORDER BY s.id DESC LIMIT ?3");
  q.bind(1, reader);
  q.bind(2, author);
  q.bind(3, limit);
  q.exec();
}

void unmerge_from_home_feed(Connection& c, int64_t reader, int64_t author, bool reblogs_of_author) {
  auto& own = c.prepare(
      "DELETE FROM home_feed WHERE account_id = ?1 AND status_id IN (SELECT id FROM statuses WHERE account_id = ?2)");
  own.bind(1, reader);
  own.bind(2, author);
  own.exec();
  if (!reblogs_of_author) return;
  auto& reblogs = c.prepare(
      "DELETE FROM home_feed WHERE account_id = ?1 AND status_id IN (SELECT r.id FROM statuses r"
      " JOIN statuses o ON o.id = r.reblog_of_id WHERE o.account_id = ?2)");
  reblogs.bind(1, reader);
  reblogs.bind(2, author);
  reblogs.exec();
}

}  // namespace vmst::store
