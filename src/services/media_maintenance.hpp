#pragma once
// Looking after the media folder (`vmst media usage`, `vmst media prune`): what the files are for and how much room
// they take, and letting go of cached copies of remote media, which the media proxy fetches again when asked.
#include <cstdint>

#include "media/media_storage.hpp"
#include "store/database.hpp"

namespace vmst::services {

struct MediaFileTotals {
  int64_t files = 0;
  int64_t bytes = 0;
};

struct MediaUsage {
  MediaFileTotals local_attachments;
  MediaFileTotals remote_cache;    // copies of remote attachments, avatars, headers and emoji
  MediaFileTotals profile_images;  // local avatars and headers
  MediaFileTotals custom_emoji;    // local emoji
  MediaFileTotals unreferenced;  // files on disk no row points at (left by an interrupted write or delete)
  int64_t missing_files = 0;     // rows pointing at a file that is not there
  MediaFileTotals total;         // everything on disk under the media folder
};

MediaUsage media_usage(store::Database& db, const media::MediaStorage& storage);

struct MediaPruneResult {
  int64_t attachments = 0;  // rows whose local copy was (or would be) dropped
  int64_t files = 0;
  int64_t bytes = 0;
};

// Drops the local files of remote accounts' attachments created before `cutoff` (ms since the epoch): never local
// uploads, avatars, headers or emoji. The rows are cleared in one transaction and the files removed after it, so
// no row ever points at a deleted file. With dry_run nothing changes and the result says what would go.
MediaPruneResult prune_remote_media(store::Database& db, const media::MediaStorage& storage, int64_t cutoff,
                                    bool dry_run);

}  // namespace vmst::services
