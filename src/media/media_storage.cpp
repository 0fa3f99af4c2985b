#include "media/media_storage.hpp"

#include <cctype>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "crypto/encoding.hpp"
#include "crypto/random_bytes.hpp"

namespace vmst::media {

namespace fs = std::filesystem;

bool is_safe_relative_path(std::string_view relative) {
  if (relative.empty() || relative.size() > 1024) return false;
  size_t start = 0;
  while (start <= relative.size()) {
    size_t slash = relative.find('/', start);
    std::string_view segment = relative.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    for (char ch : segment) {
      if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.')) return false;
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

void MediaStorage::write(const std::string& relative, std::string_view bytes) const {
  if (!is_safe_relative_path(relative)) throw std::runtime_error("unsafe media path: " + relative);
  const fs::path target = root_ / relative;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw std::runtime_error("cannot create " + target.parent_path().string() + ": " + ec.message());
  const fs::path temporary = target.parent_path() / (".upload-" + crypto::hex_encode(crypto::random_bytes(8)));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove(temporary, ec);
      throw std::runtime_error("cannot write " + temporary.string());
    }
  }
  fs::rename(temporary, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw std::runtime_error("cannot move the upload to " + target.string() + ": " + ec.message());
  }
}

std::optional<fs::path> MediaStorage::resolve(std::string_view relative) const {
  if (!is_safe_relative_path(relative)) return std::nullopt;
  const fs::path candidate = root_ / fs::path(std::string(relative));
  std::error_code ec;
  // Uploads are never links; one placed here by hand must not lead outside the folder.
  auto status = fs::symlink_status(candidate, ec);
  if (ec || !fs::is_regular_file(status)) return std::nullopt;
  return candidate;
}

void MediaStorage::remove(const std::string& relative) const {
  if (!is_safe_relative_path(relative)) return;
  std::error_code ec;
  fs::path path = root_ / relative;
  fs::remove(path, ec);
  for (path = path.parent_path(); path != root_ && path.string().size() > root_.string().size();
       path = path.parent_path()) {
    if (!fs::is_empty(path, ec) || ec) break;
    fs::remove(path, ec);
  }
}

}  // namespace vmst::media
