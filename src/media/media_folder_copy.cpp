#include "media/media_folder_copy.hpp"

#include <stdexcept>
#include <string>
#include <system_error>

namespace vmst::media {

namespace fs = std::filesystem;

FolderCopyTotals copy_media_folder(const fs::path& from, const fs::path& to) {
  FolderCopyTotals totals;
  std::error_code ec;
  fs::create_directories(to, ec);
  if (ec) throw std::runtime_error("cannot create " + to.string() + ": " + ec.message());
  if (!fs::is_directory(from, ec)) return totals;
  for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::error_code entry_ec;
    if (!it->is_regular_file(entry_ec)) continue;
    if (it->path().filename().string().rfind(".upload-", 0) == 0) continue;
    const fs::path target = to / it->path().lexically_relative(from);
    fs::create_directories(target.parent_path(), entry_ec);
    if (entry_ec) throw std::runtime_error("cannot create " + target.parent_path().string() + ": " + entry_ec.message());
    if (!fs::copy_file(it->path(), target, fs::copy_options::overwrite_existing, entry_ec)) {
      if (!fs::exists(it->path())) continue;  // deleted by the server since the listing
      throw std::runtime_error("cannot copy " + it->path().string() + " to " + target.string() + ": " +
                               entry_ec.message());
    }
    ++totals.files;
    totals.bytes += static_cast<int64_t>(fs::file_size(target, entry_ec));
  }
  if (ec) throw std::runtime_error("cannot read " + from.string() + ": " + ec.message());
  return totals;
}

}  // namespace vmst::media
