#pragma once
// SQL for blocks between accounts (is_blocking lives with the follows it guards, in follow_store).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "store/page_range.hpp"

namespace vmst::store {

// Insert-if-absent; true when a row was added.
bool insert_block(Connection& c, int64_t id, int64_t account_id, int64_t target_account_id,
                  const std::optional<std::string>& uri, int64_t now);

struct BlockRecord {
  int64_t id = 0;
  std::optional<std::string> uri;  // the Block activity id, for the Undo
};

// Removes the block and returns what it was, or nullopt when there was none.
std::optional<BlockRecord> delete_block(Connection& c, int64_t account_id, int64_t target_account_id);

// The (blocker, target) of the block recorded under a Block activity id.
std::optional<std::pair<int64_t, int64_t>> block_by_uri(Connection& c, const std::string& uri);

// The accounts `account_id` blocks; the cursor is the blocks row id.
std::vector<PagedId> blocks_page(Connection& c, int64_t account_id, const PageRange& page);

}  // namespace vmst::store
