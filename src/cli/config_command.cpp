// vmst config check: validate the configuration without starting anything.
#include <iostream>

#include "cli/command_context.hpp"

namespace vmst::cli {

void add_config_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* config_group = app.add_subcommand("config", "Configuration tools");
  config_group->require_subcommand(1);
  auto* check = config_group->add_subcommand("check", "Validate the config file and VMST_* variables");
  add_config_option(*config_group, context);
  add_config_option(*check, context);
  check->callback([&] {
    exit_code = run_command([&] {
      app::Config config = context.load_config();
      std::cout << config.source << ": OK\n"
                << "  instance.domain  " << config.instance.domain << " (ids start with " << config.base_url() << ")\n"
                << "  http.listen      " << config.http.listen_host << ":" << config.http.listen_port << "\n"
                << "  storage.data_dir " << config.storage.data_dir.string() << "\n";
      return 0;
    });
  });
}

}  // namespace vmst::cli
