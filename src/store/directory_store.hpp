#pragma once
// SQL for the profile directory (GET /api/v1/directory): accounts that opted in to being listed.
#include <cstdint>
#include <optional>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct DirectoryQuery {
  bool by_activity = true;  // order=active (latest post first); false: order=new (newest account first)
  bool local_only = false;
  int offset = 0;
  int limit = 40;
  std::optional<int64_t> viewer;  // leaves out accounts the viewer blocks or mutes, and those blocking the viewer
};

// Ids of discoverable accounts (not suspended, silenced, moved, or the instance actor; local ones only with a
// user that is approved and enabled), in directory order.
std::vector<int64_t> directory_account_ids(Connection& c, const DirectoryQuery& query);

}  // namespace vmst::store
