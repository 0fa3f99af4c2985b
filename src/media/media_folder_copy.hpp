#pragma once
// Copying a whole media folder (backups and restores) while the server may be adding and removing files in it.
#include <cstdint>
#include <filesystem>

namespace vmst::media {

struct FolderCopyTotals {
  int64_t files = 0;
  int64_t bytes = 0;
};

// Copies every regular file under `from` to the same relative path under `to`, creating folders. Files that vanish
// while the copy runs are skipped, and so are half-written uploads (MediaStorage's ".upload-" temporaries). A
// missing `from` copies nothing. Throws std::runtime_error when a file cannot be written.
FolderCopyTotals copy_media_folder(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace vmst::media
