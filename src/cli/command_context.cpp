#include "cli/command_context.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

#include "app/app.hpp"
#include "app/logging.hpp"
#include "services/service_error.hpp"
#include "store/commit_event_relay.hpp"
#include "store/domain_block_store.hpp"
#include "store/migrations.hpp"
#include "time/timestamps.hpp"

namespace vmst::cli {

app::Config CommandContext::load_config(bool quiet_logging) const {
  std::optional<std::filesystem::path> path;
  if (!config_path.empty()) path = config_path;
  app::Config config = app::load_config(path, app::vmst_environment());
  // A CLI command's output is its stdout; log lines would only be noise unless something goes wrong.
  app::configure_logging(quiet_logging && config.log.level != "off" && config.log.level != "error" ? "warn"
                                                                                                   : config.log.level);
  return config;
}

std::unique_ptr<store::Database> CommandContext::open_database(const app::Config& config) const {
  auto db = std::make_unique<store::Database>(app::database_options(config));
  store::apply_migrations(*db);
  // The running server publishes what a command changed to its live streams (a suspension's deletes, say).
  store::relay_commits(*db);
  sync_federation_mode(*db, config);
  return db;
}

void sync_federation_mode(store::Database& db, const app::Config& config) {
  db.write([&](store::Connection& c) {
    store::set_allowlist_mode(c, config.federation.mode == "allowlist", now_millis());
  });
}

int run_command(const std::function<int()>& body) {
  try {
    return body();
  } catch (const app::ConfigError& e) {
    std::cerr << "vmst: " << e.what() << "\n";
    return kExitUsage;
  } catch (const services::ServiceError& e) {
    std::cerr << "vmst: " << e.what() << "\n";
    return kExitFailure;
  } catch (const store::StoreError& e) {
    std::cerr << "vmst: database error: " << e.what() << "\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "vmst: " << e.what() << "\n";
    return kExitFailure;
  }
}

void add_config_option(CLI::App& command, CommandContext& context) {
  command.add_option("-c,--config", context.config_path,
                     "Config file (TOML). Default: ./vmst.toml when present, else built-in defaults");
}

std::optional<std::string> read_stdin_line() {
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace vmst::cli
