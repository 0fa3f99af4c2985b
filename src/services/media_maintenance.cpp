#include "services/media_maintenance.hpp"

#include <filesystem>
#include <set>
#include <string>
#include <system_error>

#include "store/media_maintenance_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

namespace fs = std::filesystem;

std::optional<int64_t> size_on_disk(const media::MediaStorage& storage, const std::string& relative) {
  auto file = storage.resolve(relative);
  if (!file) return std::nullopt;
  std::error_code ec;
  auto size = fs::file_size(*file, ec);
  if (ec) return std::nullopt;
  return static_cast<int64_t>(size);
}

MediaFileTotals& totals_for(MediaUsage& usage, store::MediaFileUse use) {
  switch (use) {
    case store::MediaFileUse::LocalAttachment: return usage.local_attachments;
    case store::MediaFileUse::RemoteCache: return usage.remote_cache;
    case store::MediaFileUse::ProfileImage: return usage.profile_images;
    case store::MediaFileUse::CustomEmoji: return usage.custom_emoji;
  }
  return usage.unreferenced;
}

}  // namespace

MediaUsage media_usage(store::Database& db, const media::MediaStorage& storage) {
  auto stored = db.read([](store::Connection& c) { return store::stored_media_files(c); });
  MediaUsage usage;
  std::set<std::string> referenced;
  for (const auto& file : stored) {
    if (!referenced.insert(file.path).second) continue;
    auto size = size_on_disk(storage, file.path);
    if (!size) {
      ++usage.missing_files;
      continue;
    }
    auto& totals = totals_for(usage, file.use);
    ++totals.files;
    totals.bytes += *size;
  }
  std::error_code ec;
  if (!fs::is_directory(storage.root(), ec)) return usage;
  for (auto it = fs::recursive_directory_iterator(storage.root(), fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code entry_ec;
    if (!it->is_regular_file(entry_ec)) continue;
    auto size = static_cast<int64_t>(it->file_size(entry_ec));
    if (entry_ec) continue;  // removed while we looked
    ++usage.total.files;
    usage.total.bytes += size;
    if (!referenced.count(it->path().lexically_relative(storage.root()).generic_string())) {
      ++usage.unreferenced.files;
      usage.unreferenced.bytes += size;
    }
  }
  return usage;
}

MediaPruneResult prune_remote_media(store::Database& db, const media::MediaStorage& storage, int64_t cutoff,
                                    bool dry_run) {
  auto choose = [&](store::Connection& c) { return store::cached_remote_media_before(c, cutoff); };
  auto chosen = dry_run ? db.read(choose) : db.write([&](store::Connection& c) {
    auto rows = choose(c);
    const int64_t now = now_millis();
    for (const auto& row : rows) store::forget_cached_media_files(c, row.id, now);
    return rows;
  });
  MediaPruneResult result;
  result.attachments = static_cast<int64_t>(chosen.size());
  for (const auto& row : chosen) {
    for (const auto& path : {row.file_path, row.thumbnail_path}) {
      if (!path) continue;
      auto size = size_on_disk(storage, *path);
      if (!size) continue;
      ++result.files;
      result.bytes += *size;
      if (!dry_run) storage.remove(*path);
    }
  }
  return result;
}

}  // namespace vmst::services
