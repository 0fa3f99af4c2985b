#include "store/list_membership_store.hpp"

namespace vmst::store {

std::vector<ListRow> lists_containing(Connection& c, int64_t owner, int64_t account_id) {
  auto& q = c.prepare(
      "SELECT l.id, l.title, l.replies_policy, l.exclusive FROM lists l JOIN list_accounts la ON la.list_id = l.id"
      " WHERE l.account_id = ? AND la.account_id = ? ORDER BY l.id");
  q.bind(1, owner);
  q.bind(2, account_id);
  std::vector<ListRow> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getInt() != 0});
  }
  return out;
}

}  // namespace vmst::store
