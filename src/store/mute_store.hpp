#pragma once
// SQL for mutes: per-user, never federated. A mute past its expires_at counts as gone.
#include <cstdint>
#include <optional>
#include <vector>

#include "store/database.hpp"
#include "store/page_range.hpp"

namespace vmst::store {

// Creates the mute or replaces its settings.
void upsert_mute(Connection& c, int64_t id, int64_t account_id, int64_t target_account_id, bool hide_notifications,
                 std::optional<int64_t> expires_at, int64_t now);
// True when a row was removed.
bool delete_mute(Connection& c, int64_t account_id, int64_t target_account_id);

struct MutedRow {
  int64_t cursor = 0;  // mutes row id
  int64_t account_id = 0;
  std::optional<int64_t> expires_at;
};

// The live mutes of `account_id` (not expired at `now`).
std::vector<MutedRow> mutes_page(Connection& c, int64_t account_id, int64_t now, const PageRange& page);

}  // namespace vmst::store
