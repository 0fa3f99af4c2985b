#include "store/mute_store.hpp"

#include <algorithm>

#include "store/sql_values.hpp"

namespace vmst::store {

void upsert_mute(Connection& c, int64_t id, int64_t account_id, int64_t target_account_id, bool hide_notifications,
                 std::optional<int64_t> expires_at, int64_t now) {
  auto& q = c.prepare(
      "INSERT INTO mutes (id, account_id, target_account_id, hide_notifications, expires_at, created_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (account_id, target_account_id) DO UPDATE SET"
      " hide_notifications = ?4, expires_at = ?5");
  q.bind(1, id);
  q.bind(2, account_id);
  q.bind(3, target_account_id);
  q.bind(4, hide_notifications ? 1 : 0);
  bind_optional(q, 5, expires_at);
  q.bind(6, now);
  q.exec();
}

bool delete_mute(Connection& c, int64_t account_id, int64_t target_account_id) {
  auto& q = c.prepare("DELETE FROM mutes WHERE account_id = ? AND target_account_id = ?");
  q.bind(1, account_id);
  q.bind(2, target_account_id);
  q.exec();
  return c.changes() == 1;
}

std::vector<MutedRow> mutes_page(Connection& c, int64_t account_id, int64_t now, const PageRange& page) {
  auto& q = c.prepare(
      "SELECT r.id, r.target_account_id, r.expires_at FROM mutes r WHERE r.account_id = ?1"
      " AND (r.expires_at IS NULL OR r.expires_at > ?5)" +
      paging_clause("r.id", 2, page));
  q.bind(1, account_id);
  bind_paging(q, 2, page);
  q.bind(5, now);
  std::vector<MutedRow> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), column_int(q, 2)});
  if (page.ascending()) std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace vmst::store
