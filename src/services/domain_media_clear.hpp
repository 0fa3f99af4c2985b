#pragma once
// Deleting the copies already made of a domain's media once it is blocked with reject_media, as Mastodon's
// ClearDomainMediaService does: its accounts lose their avatars and headers, its attachments become links to their
// origin ("unknown", as attachments stored after the block are) and its custom emoji go, and so do the files of
// all of them. The block commits first (flagged media clear pending); then each batch of rows is changed in its own
// write transaction, so a big domain never holds the single writer for long, and the batch's files are deleted
// after that transaction commits (a rolled-back batch loses no file). A file that cannot be deleted is logged and
// left. The flag is cleared with the last batch; a clear cut short is finished by the server's periodic task, and
// lifting the block or its reject_media stops it.
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::services {

inline constexpr int kMediaClearBatchSize = 500;

struct MediaClearProgress {
  int accounts = 0;     // accounts whose avatar and header went
  int attachments = 0;  // attachments turned into links
  int emojis = 0;       // emoji deleted
  int files = 0;        // files deleted from disk
  int batches = 0;
  bool finished = false;  // nothing left to clear (or the block no longer rejects media)
};

// One batch of the domain's clear in its own write transaction, then the deletion of its files under `media_root`.
MediaClearProgress clear_domain_media_batch(store::Database& db, const std::filesystem::path& media_root,
                                            const std::string& domain, int batch_size = kMediaClearBatchSize);

// Batches of every pending clear of a block set before `blocked_before` (ms), oldest block first, until all are done
// or max_batches (0: no limit) have run. `finished` tells whether none is left pending.
MediaClearProgress run_pending_media_clears(store::Database& db, const std::filesystem::path& media_root,
                                            int max_batches = 0, int batch_size = kMediaClearBatchSize,
                                            int64_t blocked_before = std::numeric_limits<int64_t>::max());

}  // namespace vmst::services
