#pragma once
// SQL for an account moving to another (an incoming Move): recording where it went and finding who follows it here.
#include <cstdint>
#include <vector>

#include "store/database.hpp"
#include "store/follow_store.hpp"

namespace vmst::store {

// The account moved to `target_account_id`: clients show the target as its `moved`.
void set_moved_to(Connection& c, int64_t account_id, int64_t target_account_id);

// Follows of `account_id` by local accounts, oldest first.
std::vector<FollowRecord> local_followers(Connection& c, int64_t account_id);

}  // namespace vmst::store
