#include "store/instance_stats_store.hpp"

namespace vmst::store {

UsageCounts usage_counts(Connection& c, int64_t month_start, int64_t halfyear_start) {
  UsageCounts counts;
  auto& users = c.prepare(
      "SELECT count(*),"
      " sum(max(coalesce(u.last_sign_in_at, 0), coalesce(s.last_status_at, 0)) >= ?),"
      " sum(max(coalesce(u.last_sign_in_at, 0), coalesce(s.last_status_at, 0)) >= ?)"
      " FROM users u JOIN accounts a ON a.id = u.account_id LEFT JOIN account_stats s ON s.account_id = a.id"
      " WHERE u.disabled = 0 AND a.suspended_at IS NULL");
  users.bind(1, month_start);
  users.bind(2, halfyear_start);
  if (users.executeStep()) {
    counts.total_users = users.getColumn(0).getInt64();
    counts.active_month = users.getColumn(1).getInt64();
    counts.active_halfyear = users.getColumn(2).getInt64();
  }
  auto& posts = c.prepare(
      "SELECT count(*) FROM statuses WHERE local = 1 AND reblog_of_id IS NULL AND deleted_at IS NULL");
  if (posts.executeStep()) counts.local_posts = posts.getColumn(0).getInt64();
  auto& domains = c.prepare(
      "SELECT count(*) FROM (SELECT lower(domain) FROM accounts WHERE domain IS NOT NULL"
      " UNION SELECT lower(domain) FROM instances)");
  if (domains.executeStep()) counts.known_domains = domains.getColumn(0).getInt64();
  return counts;
}

}  // namespace vmst::store
