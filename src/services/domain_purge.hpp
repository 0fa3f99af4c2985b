#pragma once
// Purging a suspended domain's cached accounts, statuses, media and custom emoji, a batch at a time. Suspending
// commits first: from then on every gate refuses the domain, live streams have heard which of its statuses are gone,
// and the block row is flagged purge pending. The purge then deletes up to a batch of statuses (then of accounts) per write
// transaction, so a large domain never holds the database's single writer for long: requests and the inbox get it
// between batches. The flag is cleared with the last batch; a purge cut short (the CLI killed, the server stopped)
// is finished by the server's periodic task, which runs a few batches each time once the block is some seconds old
// (leaving a fresh one to the command that set it). Lifting the suspension stops it. The batches themselves are
// services/purge_batches; the domain's emoji go after its accounts.
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>

#include "services/purge_batches.hpp"
#include "store/database.hpp"

namespace vmst::services {

// One batch of the domain's purge in its own write transaction; the media files of what it removed are deleted from
// `media_root` after the commit.
PurgeProgress purge_domain_batch(store::Database& db, const std::filesystem::path& media_root,
                                 const std::string& domain, int batch_size = kPurgeBatchSize);

// Batches of every pending purge of a block set before `blocked_before` (ms), oldest block first, until all are done
// or max_batches (0: no limit) have run. `finished` tells whether none of them is left pending.
PurgeProgress run_pending_purges(store::Database& db, const std::filesystem::path& media_root, int max_batches = 0,
                                 int batch_size = kPurgeBatchSize,
                                 int64_t blocked_before = std::numeric_limits<int64_t>::max());

}  // namespace vmst::services
