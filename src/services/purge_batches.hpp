#pragma once
// Removing remote accounts with everything of theirs a batch at a time, so that a large purge never holds the
// database's single writer for long: each batch is the caller's write transaction, and requests and the inbox get
// the writer between batches. Statuses go first (an account's statuses can be many; their attachments, boosts of
// them by others, and what hangs off them go too), then the accounts (their follows both ways, favourites,
// notifications they caused, mentions of them, profile images...). Counters that included removed rows (local
// statuses' replies, boosts and favourites; local accounts' followers and following) are recounted in the batch
// that removed them. Used by a suspended domain's purge (services/domain_purge) and by the removal of a remote
// account that deleted itself (services/remote_account_deletion).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::services {

inline constexpr int kPurgeBatchSize = 500;

struct PurgeProgress {
  int accounts = 0;
  int statuses = 0;
  int emojis = 0;  // custom emoji (a domain's purge only)
  int batches = 0;
  bool finished = false;  // nothing left to purge (or, for a domain, the suspension was lifted)
};

// What a purge removes: the next ids (up to a limit) of its statuses, and of its accounts.
struct PurgeTarget {
  std::function<std::vector<int64_t>(store::Connection&, int limit)> statuses;
  std::function<std::vector<int64_t>(store::Connection&, int limit)> accounts;
  // Whether each batch tells live streams which statuses it removed. A domain suspension told them of all its
  // statuses at once, in the block's transaction.
  bool announce_deleted_statuses = false;
};

// One batch inside the caller's write transaction: up to batch_size statuses if any are left, else up to batch_size
// accounts. Adds the files (relative to the media folder) of what it removed to `files`, for remove_media_files
// (services/media_file_removal) once the transaction has committed. `finished` (and nothing done) when neither is left.
PurgeProgress purge_next_batch(store::Connection& c, const PurgeTarget& target, int batch_size,
                               std::vector<std::string>& files);

}  // namespace vmst::services
