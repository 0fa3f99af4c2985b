#include "store/account_move_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

void set_moved_to(Connection& c, int64_t account_id, int64_t target_account_id) {
  auto& q = c.prepare("UPDATE accounts SET moved_to_account_id = ? WHERE id = ?");
  q.bind(1, target_account_id);
  q.bind(2, account_id);
  q.exec();
}

std::vector<FollowRecord> local_followers(Connection& c, int64_t account_id) {
  auto& q = c.prepare(
      "SELECT r.id, r.account_id, r.target_account_id, r.uri, r.show_reblogs, r.notify, r.languages, r.created_at"
      " FROM follows r JOIN accounts a ON a.id = r.account_id WHERE r.target_account_id = ? AND a.domain IS NULL"
      " ORDER BY r.id");
  q.bind(1, account_id);
  std::vector<FollowRecord> out;
  while (q.executeStep()) {
    FollowRecord f;
    f.id = q.getColumn(0).getInt64();
    f.account_id = q.getColumn(1).getInt64();
    f.target_account_id = q.getColumn(2).getInt64();
    f.uri = column_text(q, 3);
    f.show_reblogs = q.getColumn(4).getInt() != 0;
    f.notify = q.getColumn(5).getInt() != 0;
    f.languages_json = column_text(q, 6);
    f.created_at = q.getColumn(7).getInt64();
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace vmst::store
