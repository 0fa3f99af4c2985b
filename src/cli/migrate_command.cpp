// vmst migrate [--status]: apply or list the schema migrations.
#include <iomanip>
#include <iostream>

#include "app/app.hpp"
#include "cli/command_context.hpp"
#include "store/migrations.hpp"
#include "time/timestamps.hpp"

namespace vmst::cli {

void add_migrate_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command = app.add_subcommand("migrate", "Apply pending database migrations (the server also does at start)");
  add_config_option(*command, context);
  auto status_only = std::make_shared<bool>(false);
  command->add_flag("--status", *status_only, "List migrations and whether each is applied; change nothing");
  command->callback([&, status_only] {
    exit_code = run_command([&] {
      app::Config config = context.load_config();
      store::Database db(app::database_options(config));
      if (*status_only) {
        bool pending = false;
        for (const auto& m : store::migration_status(db)) {
          std::cout << (m.applied_at ? "applied  " : "pending  ") << std::setw(4) << std::setfill('0') << m.version
                    << std::setfill(' ') << "_" << m.name;
          if (m.applied_at) std::cout << "  " << format_iso8601_millis(*m.applied_at);
          std::cout << "\n";
          pending = pending || !m.applied_at;
        }
        if (pending) std::cout << "Run `vmst migrate` to apply the pending migrations.\n";
        return 0;
      }
      int applied = store::apply_migrations(db);
      std::cout << (applied == 0 ? std::string("The database is up to date.")
                                 : "Applied " + std::to_string(applied) + " migration(s).")
                << "\n";
      return 0;
    });
  });
}

}  // namespace vmst::cli
