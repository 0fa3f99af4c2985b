// vmst: one binary, one SQLite file. Parses the command line and runs a subcommand from cli/.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command_context.hpp"
#include "media/vips_runtime.hpp"
#include "version.hpp"

int main(int argc, char** argv) {
  // Before any thread exists: it changes the environment, which no other thread may read meanwhile.
  vmst::media::prepare_vips_environment();
  CLI::App app{"vmst: a fediverse server for small communities"};
  app.set_version_flag("-V,--version", std::string("vmst ") + vmst::kVersion);
  app.require_subcommand(1);

  vmst::cli::CommandContext context;
  int exit_code = 0;
  vmst::cli::add_config_option(app, context);
  vmst::cli::add_serve_command(app, context, exit_code);
  vmst::cli::add_migrate_command(app, context, exit_code);
  vmst::cli::add_config_command(app, context, exit_code);
  vmst::cli::add_account_command(app, context, exit_code);
  vmst::cli::add_federation_command(app, context, exit_code);
  vmst::cli::add_delivery_command(app, context, exit_code);
  vmst::cli::add_domain_command(app, context, exit_code);
  vmst::cli::add_emoji_command(app, context, exit_code);
  vmst::cli::add_invite_command(app, context, exit_code);
  vmst::cli::add_report_command(app, context, exit_code);
  vmst::cli::add_rules_command(app, context, exit_code);
  vmst::cli::add_page_command(app, context, exit_code);
  vmst::cli::add_instance_command(app, context, exit_code);
  vmst::cli::add_backup_command(app, context, exit_code);
  vmst::cli::add_media_command(app, context, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    // --help and --version exit 0; every usage error exits 2, like the config errors.
    return code == 0 ? 0 : vmst::cli::kExitUsage;
  }
  return exit_code;
}
