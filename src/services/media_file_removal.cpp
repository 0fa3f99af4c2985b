#include "services/media_file_removal.hpp"

#include <spdlog/spdlog.h>

#include <exception>
#include <system_error>

#include "media/media_storage.hpp"

namespace vmst::services {

int remove_media_files(const std::filesystem::path& media_root, const std::vector<std::string>& files) {
  media::MediaStorage storage(media_root);
  int deleted = 0;
  for (const auto& file : files) {
    if (!media::is_safe_relative_path(file)) {
      spdlog::warn("media: not deleting {}: not a path inside the media folder", file);
      continue;
    }
    try {
      storage.remove(file);
    } catch (const std::exception& e) {
      spdlog::warn("media: could not delete {}: {}", file, e.what());
      continue;
    }
    // remove() reports nothing: whatever is still there (permissions, a folder in its place) is worth a log line.
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(media_root / file, ec))) {
      spdlog::warn("media: could not delete {}", file);
      continue;
    }
    ++deleted;
  }
  return deleted;
}

}  // namespace vmst::services
