#pragma once
// SQL for which of a user's lists hold an account (GET /api/v1/accounts/:id/lists).
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct ListRow {
  int64_t id = 0;
  std::string title;
  std::string replies_policy;  // followed | list | none
  bool exclusive = false;
};

// The lists owned by `owner` that contain `account_id`, oldest first.
std::vector<ListRow> lists_containing(Connection& c, int64_t owner, int64_t account_id);

}  // namespace vmst::store
