#pragma once
// SQL for the counts NodeInfo and the instance API publish.
#include <cstdint>

#include "store/database.hpp"

namespace vmst::store {

struct UsageCounts {
  int64_t total_users = 0;
  int64_t active_month = 0;     // signed in or posted since `month_start`
  int64_t active_halfyear = 0;  // since `halfyear_start`
  int64_t local_posts = 0;      // local, not deleted, not reblogs
  int64_t known_domains = 0;    // other servers we know of: accounts' domains and servers we delivered to
};

UsageCounts usage_counts(Connection& c, int64_t month_start, int64_t halfyear_start);

}  // namespace vmst::store
