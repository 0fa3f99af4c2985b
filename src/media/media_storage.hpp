#pragma once
// Uploaded files on disk, under one root folder (<data_dir>/media). Files are named by a path relative to the root,
// which is what the database keeps and what LocalUrls::media_file() turns into a URL.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace vmst::media {

class MediaStorage {
 public:
  explicit MediaStorage(std::filesystem::path root) : root_(std::move(root)) {}

  // Writes the bytes at the relative path, creating folders; the file appears whole or not at all (written to a
  // temporary name, then renamed). Throws std::runtime_error when the disk refuses.
  void write(const std::string& relative, std::string_view bytes) const;

  // The file for a relative path taken from a URL, or nullopt when the path is not a plain relative one (empty,
  // absolute, with ".", ".." or empty segments, backslashes or NULs) or names no regular file. Symbolic links are
  // not followed out of the root.
  std::optional<std::filesystem::path> resolve(std::string_view relative) const;

  // Removes the file and the folders left empty above it, up to the root. Missing files are not an error.
  void remove(const std::string& relative) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

// A safe relative path: segments of letters, digits, '-', '_' and '.', none of them "." or "..".
bool is_safe_relative_path(std::string_view relative);

}  // namespace vmst::media
