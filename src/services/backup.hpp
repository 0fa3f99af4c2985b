#pragma once
// `vmst backup DIR` and `vmst restore DIR`: a backup folder holds vmst.db (a consistent copy taken with SQLite's
// online backup while the server keeps serving), media/ (the media folder, copied after the database so every file
// a copied row points at was already there) and manifest.json.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace vmst::services {

struct BackupManifest {
  std::string vmst_version;
  int schema_version = 0;
  int64_t created_at = 0;  // ms since the epoch, when the database snapshot was taken
  int64_t database_bytes = 0;
  int64_t media_files = 0;
  int64_t media_bytes = 0;
};

// File names inside a backup folder.
inline constexpr const char* kBackupDatabaseFile = "vmst.db";
inline constexpr const char* kBackupMediaFolder = "media";
inline constexpr const char* kBackupManifestFile = "manifest.json";

// Writes a backup into `dir`, which must be missing or empty (Conflict otherwise). On failure what was written is
// removed again.
BackupManifest create_backup(store::Database& db, const std::filesystem::path& media_root,
                             const std::filesystem::path& dir, const std::string& vmst_version);

struct RestoreRequest {
  std::filesystem::path backup_dir;
  std::filesystem::path data_dir;
  bool force = false;               // set an existing database and media folder aside instead of refusing
  int newest_known_schema = 0;      // this binary's latest migration
};

struct RestoreResult {
  std::optional<BackupManifest> manifest;  // when the backup has a readable one
  int64_t database_bytes = 0;
  int64_t media_files = 0;
  int64_t media_bytes = 0;
  std::optional<std::filesystem::path> set_aside;  // where --force moved the data that was there
};

// Copies a backup into a data folder. Refuses (Conflict) while a server runs on the folder, and when the folder
// already holds a database or media unless `force`; refuses (Invalid) a backup that fails PRAGMA integrity_check or
// comes from a newer schema. Holds the folder's lock throughout so no server starts mid-restore.
RestoreResult restore_backup(const RestoreRequest& request);

}  // namespace vmst::services
