#pragma once
// Custom emoji packs: gzip-compressed tar archives of image files, the format tootctl emoji import reads
// (libarchive, which also accepts uncompressed and otherwise compressed tars).
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace vmst::media {

struct PackEntry {
  std::string name;   // the path inside the archive
  std::string bytes;  // empty when too_big
  bool too_big = false;
};

class PackError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The regular files of the archive, in archive order. A file larger than max_entry_bytes is listed with too_big
// set and its bytes left unread. Throws PackError naming the archive when it cannot be opened or read.
std::vector<PackEntry> read_emoji_pack(const std::filesystem::path& archive, std::size_t max_entry_bytes);

// Writes the entries as a gzip-compressed tar (names as given), replacing the file. Throws PackError.
void write_emoji_pack(const std::filesystem::path& archive, const std::vector<PackEntry>& entries);

}  // namespace vmst::media
