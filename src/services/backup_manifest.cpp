#include "services/backup_manifest.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "time/timestamps.hpp"

namespace vmst::services {

void write_backup_manifest(const std::filesystem::path& file, const BackupManifest& m) {
  nlohmann::json j = {
      {"format", 1},
      {"vmst_version", m.vmst_version},
      {"schema_version", m.schema_version},
      {"created_at", format_iso8601_millis(m.created_at)},
      {"database", {{"file", kBackupDatabaseFile}, {"bytes", m.database_bytes}}},
      {"media", {{"folder", kBackupMediaFolder}, {"files", m.media_files}, {"bytes", m.media_bytes}}},
  };
  std::ofstream out(file, std::ios::trunc);
  out << j.dump(2) << "\n";
  out.close();
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::optional<BackupManifest> read_backup_manifest(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  auto j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  try {
    BackupManifest m;
    m.vmst_version = j.at("vmst_version").get<std::string>();
    m.schema_version = j.at("schema_version").get<int>();
    m.created_at = parse_iso8601(j.at("created_at").get<std::string>()).value_or(0);
    m.database_bytes = j.at("database").at("bytes").get<int64_t>();
    m.media_files = j.at("media").at("files").get<int64_t>();
    m.media_bytes = j.at("media").at("bytes").get<int64_t>();
    return m;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace vmst::services
