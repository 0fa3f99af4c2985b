#include "services/backup.hpp"

#include <system_error>

#include "media/media_folder_copy.hpp"
#include "services/backup_manifest.hpp"
#include "services/service_error.hpp"
#include "store/database_file_copy.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace fs = std::filesystem;

namespace {

using Kind = ServiceError::Kind;

// Leaves the folder as it was found: empty, or gone when this backup created it.
void remove_partial_backup(const fs::path& dir, bool created) {
  std::error_code ec;
  if (created) {
    fs::remove_all(dir, ec);
    return;
  }
  for (const char* name : {kBackupDatabaseFile, kBackupMediaFolder, kBackupManifestFile}) fs::remove_all(dir / name, ec);
  fs::remove(dir / (std::string(kBackupDatabaseFile) + "-journal"), ec);
}

}  // namespace

BackupManifest create_backup(store::Database& db, const fs::path& media_root, const fs::path& dir,
                             const std::string& vmst_version) {
  std::error_code ec;
  bool exists = fs::exists(dir, ec);
  if (exists && !fs::is_directory(dir, ec)) throw ServiceError(Kind::Conflict, dir.string() + " exists and is not a folder");
  if (exists && !fs::is_empty(dir, ec)) {
    throw ServiceError(Kind::Conflict, dir.string() + " is not empty: back up into a new or empty folder");
  }
  fs::create_directories(dir, ec);
  if (ec) throw ServiceError(Kind::Invalid, "cannot create " + dir.string() + ": " + ec.message());

  try {
    BackupManifest manifest;
    manifest.vmst_version = vmst_version;
    const fs::path database_copy = dir / kBackupDatabaseFile;
    manifest.created_at = now_millis();
    db.read([&](store::Connection& c) { store::copy_database_online(c, database_copy); });
    manifest.database_bytes = static_cast<int64_t>(fs::file_size(database_copy));
    manifest.schema_version = store::recorded_schema_version(database_copy);
    auto media = media::copy_media_folder(media_root, dir / kBackupMediaFolder);
    manifest.media_files = media.files;
    manifest.media_bytes = media.bytes;
    write_backup_manifest(dir / kBackupManifestFile, manifest);
    return manifest;
  } catch (...) {
    remove_partial_backup(dir, !exists);
    throw;
  }
}

}  // namespace vmst::services
