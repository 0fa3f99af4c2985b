#include "store/account_move_store.hpp"

#include "store/follow_row.hpp"

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
  while (q.executeStep()) out.push_back(read_follow(q));
  return out;
}

}  // namespace vmst::store
