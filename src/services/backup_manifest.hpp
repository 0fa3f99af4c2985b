#pragma once
// manifest.json of a backup folder: which vmst and schema wrote it, when, and what it holds.
#include <filesystem>
#include <optional>

#include "services/backup.hpp"

namespace vmst::services {

void write_backup_manifest(const std::filesystem::path& file, const BackupManifest& manifest);

// nullopt when the file is missing or not a manifest.
std::optional<BackupManifest> read_backup_manifest(const std::filesystem::path& file);

}  // namespace vmst::services
