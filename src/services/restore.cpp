// restore_backup (declared in services/backup.hpp): the other half of a backup.
#include <algorithm>
#include <system_error>

#include "media/media_folder_copy.hpp"
#include "services/backup.hpp"
#include "services/backup_manifest.hpp"
#include "services/service_error.hpp"
#include "store/data_dir_lock.hpp"
#include "store/database_file_copy.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace fs = std::filesystem;

namespace {

using Kind = ServiceError::Kind;

constexpr const char* kLiveDatabaseFiles[] = {"vmst.db", "vmst.db-wal", "vmst.db-shm", "vmst.db-journal"};

bool holds_data(const fs::path& data_dir) {
  std::error_code ec;
  for (const char* name : kLiveDatabaseFiles) {
    if (fs::exists(data_dir / name, ec)) return true;
  }
  return fs::is_directory(data_dir / "media", ec) && !fs::is_empty(data_dir / "media", ec);
}

void check_backup(const fs::path& database, int newest_known_schema) {
  std::vector<std::string> problems;
  try {
    problems = store::integrity_problems(database);
  } catch (const store::StoreError& e) {
    throw ServiceError(Kind::Invalid, "the backup's database cannot be read: " + std::string(e.what()));
  }
  if (!problems.empty()) {
    std::string listed;
    for (const auto& p : problems) listed += (listed.empty() ? "" : "; ") + p;
    throw ServiceError(Kind::Invalid, "the backup's database fails PRAGMA integrity_check: " + listed);
  }
  int version = store::recorded_schema_version(database);
  if (version == 0) throw ServiceError(Kind::Invalid, database.string() + " is not a vmst database (no migrations recorded)");
  if (version > newest_known_schema) {
    throw ServiceError(Kind::Invalid, "the backup has schema version " + std::to_string(version) +
                                          ", newer than this vmst knows (" + std::to_string(newest_known_schema) +
                                          "): restore it with a newer vmst");
  }
}

// Moves the database and media folder into <data_dir>/before-restore-<time>/, keeping their names.
fs::path set_aside(const fs::path& data_dir) {
  std::string stamp = format_iso8601_seconds(now_millis());
  std::replace(stamp.begin(), stamp.end(), ':', '-');
  const fs::path aside = data_dir / ("before-restore-" + stamp);
  fs::create_directories(aside);
  std::error_code ec;
  for (const char* name : kLiveDatabaseFiles) {
    if (fs::exists(data_dir / name, ec)) fs::rename(data_dir / name, aside / name);
  }
  if (fs::exists(data_dir / "media", ec)) fs::rename(data_dir / "media", aside / "media");
  return aside;
}

}  // namespace

RestoreResult restore_backup(const RestoreRequest& request) {
  const fs::path backup_database = request.backup_dir / kBackupDatabaseFile;
  std::error_code ec;
  if (!fs::is_regular_file(backup_database, ec)) {
    throw ServiceError(Kind::NotFound, request.backup_dir.string() + " is not a vmst backup (it has no " +
                                           kBackupDatabaseFile + ")");
  }
  auto lock = store::DataDirLock::try_acquire(request.data_dir);
  if (!lock) {
    throw ServiceError(Kind::Conflict, "a vmst server is running on " + request.data_dir.string() + " (it holds " +
                                           store::DataDirLock::lock_file(request.data_dir).string() +
                                           "): stop it before restoring");
  }
  check_backup(backup_database, request.newest_known_schema);

  RestoreResult result;
  result.manifest = read_backup_manifest(request.backup_dir / kBackupManifestFile);
  if (holds_data(request.data_dir)) {
    if (!request.force) {
      throw ServiceError(Kind::Conflict, request.data_dir.string() +
                                             " already holds a database or media: restore into an empty data folder,"
                                             " or pass --force to move the current data aside");
    }
    result.set_aside = set_aside(request.data_dir);
  }
  fs::remove_all(request.data_dir / "media", ec);  // an empty folder left by an earlier start

  // Copied under temporary names and renamed, so an interrupted restore never leaves a half-written vmst.db.
  const fs::path database_tmp = request.data_dir / "vmst.db.restoring";
  const fs::path media_tmp = request.data_dir / "media.restoring";
  fs::remove_all(database_tmp, ec);
  fs::remove_all(media_tmp, ec);
  fs::copy_file(backup_database, database_tmp);
  auto media = media::copy_media_folder(request.backup_dir / kBackupMediaFolder, media_tmp);
  fs::rename(media_tmp, request.data_dir / "media");
  fs::rename(database_tmp, request.data_dir / "vmst.db");
  result.database_bytes = static_cast<int64_t>(fs::file_size(request.data_dir / "vmst.db"));
  result.media_files = media.files;
  result.media_bytes = media.bytes;
  return result;
}

}  // namespace vmst::services
