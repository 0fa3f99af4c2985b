// vmst backup DIR / vmst restore DIR: a consistent copy of the database and media taken while the server runs, and
// putting one back into a data folder no server is using.
#include <iostream>

#include "cli/command_context.hpp"
#include "services/backup.hpp"
#include "store/migrations.hpp"
#include "time/timestamps.hpp"
#include "version.hpp"

namespace vmst::cli {

namespace {

struct BackupOptions {
  std::string dir;
  std::string data_dir;
  bool force = false;
};

int backup(const CommandContext& context, const BackupOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto manifest = services::create_backup(*db, config.media_path(), options.dir, kVersion);
  std::cout << "Backed up to " << options.dir << ": database snapshot of "
            << format_iso8601_millis(manifest.created_at) << " (" << manifest.database_bytes << " bytes, schema "
            << manifest.schema_version << "), " << manifest.media_files << " media file(s) ("
            << manifest.media_bytes << " bytes)\n";
  return 0;
}

int restore(const CommandContext& context, const BackupOptions& options) {
  services::RestoreRequest request;
  request.backup_dir = options.dir;
  // The config only names the data folder: opening its database here would create one.
  request.data_dir = options.data_dir.empty() ? context.load_config().storage.data_dir
                                              : std::filesystem::path(options.data_dir);
  request.force = options.force;
  const auto& migrations = store::embedded_migrations();
  request.newest_known_schema = migrations.empty() ? 0 : migrations.back().version;
  auto result = services::restore_backup(request);
  if (result.set_aside) std::cout << "Moved the data that was there to " << result.set_aside->string() << "\n";
  std::cout << "Restored " << options.dir;
  if (result.manifest) std::cout << " (taken " << format_iso8601_millis(result.manifest->created_at) << ")";
  std::cout << " into " << request.data_dir.string() << ": " << result.database_bytes << " bytes of database, "
            << result.media_files << " media file(s)\n";
  return 0;
}

}  // namespace

void add_backup_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto options = std::make_shared<BackupOptions>();

  auto* backup_cmd = app.add_subcommand(
      "backup", "Copy the database (a consistent online snapshot) and the media folder into DIR, while serving");
  add_config_option(*backup_cmd, context);
  backup_cmd->add_option("dir", options->dir, "A new or empty folder")->required();
  backup_cmd->callback([&, options] { exit_code = run_command([&] { return backup(context, *options); }); });

  auto* restore_cmd = app.add_subcommand(
      "restore", "Put a backup into a data folder no server is running on (checks the database's integrity first)");
  add_config_option(*restore_cmd, context);
  restore_cmd->add_option("dir", options->dir, "The backup folder")->required();
  restore_cmd->add_option("--data-dir", options->data_dir, "Data folder to restore into (default: storage.data_dir)");
  restore_cmd->add_flag("--force", options->force,
                        "Move an existing database and media folder aside (into before-restore-<time>/) instead of"
                        " refusing");
  restore_cmd->callback([&, options] { exit_code = run_command([&] { return restore(context, *options); }); });
}

}  // namespace vmst::cli
