#pragma once
// What every subcommand shares: the --config option and how a command's failure becomes an exit code.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/config.hpp"
#include "store/database.hpp"

namespace vmst::cli {

// Exit codes: 0 success, 1 the command failed, 2 bad usage or configuration.
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct CommandContext {
  std::string config_path;  // from --config; empty means ./vmst.toml if present, else built-in defaults

  // Loads and validates the config (throws app::ConfigError) and sets up logging: at the configured level for
  // the server, at warnings and above for the other commands (their stdout is their output).
  app::Config load_config(bool quiet_logging = true) const;

  // Opens the database of `config`, applying pending migrations (so commands work on a fresh data folder), and
  // records federation.mode in it (sync_federation_mode).
  std::unique_ptr<store::Database> open_database(const app::Config& config) const;
};

// federation.mode lives in the config, but every process on the database must apply it (the server, and CLI
// commands that deliver or fetch), so it is mirrored into the database whenever one opens it.
void sync_federation_mode(store::Database& db, const app::Config& config);

// Runs a command body, printing "vmst: <message>" to stderr and mapping errors to exit codes.
int run_command(const std::function<int()>& body);

// Adds --config to a (sub)command.
void add_config_option(CLI::App& command, CommandContext& context);

void add_serve_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_migrate_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_config_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_account_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_federation_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_delivery_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_domain_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_emoji_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_invite_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_report_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_rules_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_page_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_instance_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_backup_command(CLI::App& app, CommandContext& context, int& exit_code);  // backup and restore
void add_media_command(CLI::App& app, CommandContext& context, int& exit_code);

// Reads one line from standard input (for --password-stdin), without the trailing newline.
std::optional<std::string> read_stdin_line();

}  // namespace vmst::cli
