// vmst account create|list|reset-password: local accounts, usable while the server runs.
#include <iomanip>
#include <iostream>

#include "cli/command_context.hpp"
#include "services/accounts.hpp"
#include "time/timestamps.hpp"

namespace vmst::cli {

namespace {

struct AccountOptions {
  std::string username;
  std::string email;
  bool admin = false;
  bool moderator = false;
  bool password_stdin = false;
};

std::optional<std::string> password_from_stdin(bool wanted) {
  if (!wanted) return std::nullopt;
  auto line = read_stdin_line();
  if (!line) throw services::ServiceError(services::ServiceError::Kind::Invalid, "no password on standard input");
  return line;
}

int create(const CommandContext& context, const AccountOptions& options) {
  app::Config config = context.load_config();
  auto password = password_from_stdin(options.password_stdin);
  auto db = context.open_database(config);
  services::CreateLocalAccount request;
  request.username = options.username;
  request.email = options.email;
  request.password = password;
  request.role = options.admin ? "admin" : options.moderator ? "moderator" : "user";
  auto created = services::create_local_account(*db, federation::LocalUrls(config.base_url()), request);
  std::cout << "Created @" << created.username << "@" << config.instance.domain << " (" << request.role << ")\n";
  if (created.password_generated) std::cout << "Password: " << created.password << "\n";
  return 0;
}

int list(const CommandContext& context) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto accounts = services::list_local_accounts(*db);
  std::cout << std::left << std::setw(32) << "USERNAME" << std::setw(36) << "EMAIL" << std::setw(11) << "ROLE"
            << std::setw(11) << "STATE" << "CREATED\n";
  for (const auto& a : accounts) {
    std::string state = a.suspended ? "suspended" : a.disabled ? "disabled" : !a.approved ? "pending" : "active";
    std::cout << std::setw(32) << a.username << std::setw(36) << a.email << std::setw(11) << a.role << std::setw(11)
              << state << format_iso8601_millis(a.created_at) << "\n";
  }
  std::cout << accounts.size() << " local account(s)\n";
  return 0;
}

int reset_password(const CommandContext& context, const AccountOptions& options) {
  app::Config config = context.load_config();
  auto password = password_from_stdin(options.password_stdin);
  auto db = context.open_database(config);
  std::string new_password = services::reset_password(*db, options.username, password);
  std::cout << "Password of @" << options.username << " changed; its sessions and tokens were revoked.\n";
  if (!password) std::cout << "Password: " << new_password << "\n";
  return 0;
}

}  // namespace

void add_account_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto options = std::make_shared<AccountOptions>();
  auto* group = app.add_subcommand("account", "Manage local accounts");
  group->require_subcommand(1);
  add_config_option(*group, context);

  auto* create_cmd = group->add_subcommand("create", "Create a local account; prints a generated password");
  add_config_option(*create_cmd, context);
  create_cmd->add_option("username", options->username, "Username (letters, digits, _ . -)")->required();
  create_cmd->add_option("--email", options->email, "Email address used to log in")->required();
  create_cmd->add_flag("--admin", options->admin, "Give the account the admin role");
  create_cmd->add_flag("--moderator", options->moderator, "Give the account the moderator role");
  create_cmd->add_flag("--password-stdin", options->password_stdin, "Read the password from standard input");
  create_cmd->callback([&, options] { exit_code = run_command([&] { return create(context, *options); }); });

  auto* list_cmd = group->add_subcommand("list", "List local accounts");
  add_config_option(*list_cmd, context);
  list_cmd->callback([&] { exit_code = run_command([&] { return list(context); }); });

  auto* reset_cmd = group->add_subcommand("reset-password", "Set a new password (generated unless --password-stdin)");
  add_config_option(*reset_cmd, context);
  reset_cmd->add_option("username", options->username, "Username")->required();
  reset_cmd->add_flag("--password-stdin", options->password_stdin, "Read the password from standard input");
  reset_cmd->callback([&, options] { exit_code = run_command([&] { return reset_password(context, *options); }); });
}

}  // namespace vmst::cli
