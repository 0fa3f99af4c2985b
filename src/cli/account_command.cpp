// vmst account create|list|show|approve|reject|suspend|unsuspend|silence|unsilence|delete|role|reset-password:
// local accounts (and, for suspend/silence, remote ones as user@domain), usable while the server runs.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command_context.hpp"
#include "convert/mastodon/account.hpp"
#include "delivery/enqueue.hpp"
#include "services/account_moderation.hpp"
#include "services/accounts.hpp"
#include "time/timestamps.hpp"

namespace vmst::cli {

namespace {

using convert::mastodon::acct_of;

struct AccountOptions {
  std::string username;
  std::string email;
  std::string role;
  bool admin = false;
  bool moderator = false;
  bool password_stdin = false;
  bool json = false;
  bool pending = false;
  bool suspended = false;
};

std::optional<std::string> password_from_stdin(bool wanted) {
  if (!wanted) return std::nullopt;
  auto line = read_stdin_line();
  if (!line) throw services::ServiceError(services::ServiceError::Kind::Invalid, "no password on standard input");
  return line;
}

std::string state_of(const store::LocalAccountSummary& a, bool silenced, bool deleted) {
  if (deleted) return "deleted";
  if (a.suspended) return "suspended";
  if (a.disabled) return "disabled";
  if (!a.approved) return "pending";
  if (silenced) return "silenced";
  return "active";
}

std::string state_of(const services::ModeratedAccount& m) {
  if (m.user) return state_of(*m.user, m.account.silenced_at.has_value(), m.deleted);
  if (m.account.suspended_at) return "suspended";
  if (m.account.silenced_at) return "silenced";
  return "active";
}

nlohmann::json optional_time(const std::optional<int64_t>& t) {
  return t ? nlohmann::json(format_iso8601_millis(*t)) : nlohmann::json();
}

nlohmann::json summary_json(const store::LocalAccountSummary& a, bool silenced, bool deleted) {
  return {{"id", std::to_string(a.account_id)},
          {"username", a.username},
          {"email", a.email},
          {"role", a.role},
          {"state", state_of(a, silenced, deleted)},
          {"approved", a.approved},
          {"suspended", a.suspended},
          {"silenced", silenced},
          {"disabled", a.disabled},
          {"deleted", deleted},
          {"created_at", format_iso8601_millis(a.created_at)},
          {"last_sign_in_at", optional_time(a.last_sign_in_at)}};
}

nlohmann::json moderated_json(const services::ModeratedAccount& m) {
  const auto& a = m.account;
  nlohmann::json out =
      m.user ? summary_json(*m.user, a.silenced_at.has_value(), m.deleted) : nlohmann::json::object();
  out["id"] = std::to_string(a.id);
  out["username"] = a.username;
  out["acct"] = acct_of(a);
  out["domain"] = a.domain ? nlohmann::json(*a.domain) : nlohmann::json();
  out["local"] = a.local();
  out["state"] = state_of(m);
  out["suspended_at"] = optional_time(a.suspended_at);
  out["silenced_at"] = optional_time(a.silenced_at);
  out["suspended"] = a.suspended_at.has_value();
  out["silenced"] = a.silenced_at.has_value();
  out["uri"] = a.uri;
  out["url"] = a.url ? nlohmann::json(*a.url) : nlohmann::json();
  out["display_name"] = a.display_name;
  out["statuses_count"] = a.statuses_count;
  out["followers_count"] = a.followers_count;
  out["following_count"] = a.following_count;
  if (!m.user) out["created_at"] = format_iso8601_millis(a.created_at);
  return out;
}

struct Moderation {
  app::Config config;
  std::unique_ptr<store::Database> db;
  federation::LocalUrls urls;
  services::ModerationContext ctx;

  explicit Moderation(const CommandContext& context)
      : config(context.load_config()),
        db(context.open_database(config)),
        urls(config.base_url()),
        ctx{*db, urls, config.instance.domain, delivery::enqueue, nullptr, std::nullopt} {}
};

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

int list(const CommandContext& context, const AccountOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  std::vector<services::LocalAccountListing> accounts;
  for (auto& a : services::list_local_accounts_for_moderation(*db)) {
    if (options.pending && (a.summary.approved || a.deleted)) continue;
    if (options.suspended && !a.summary.suspended) continue;
    accounts.push_back(std::move(a));
  }
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : accounts) out.push_back(summary_json(a.summary, a.silenced, a.deleted));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << std::left << std::setw(32) << "USERNAME" << std::setw(36) << "EMAIL" << std::setw(11) << "ROLE"
            << std::setw(11) << "STATE" << "CREATED\n";
  for (const auto& [a, silenced, deleted] : accounts) {
    std::cout << std::setw(32) << a.username << std::setw(36) << a.email << std::setw(11) << a.role << std::setw(11)
              << state_of(a, silenced, deleted) << format_iso8601_millis(a.created_at) << "\n";
  }
  std::cout << accounts.size() << " local account(s)\n";
  return 0;
}

int show(const CommandContext& context, const AccountOptions& options) {
  Moderation m(context);
  auto found = services::find_moderated_account(m.ctx, options.username);
  auto json = moderated_json(found);
  if (options.json) {
    std::cout << json.dump(2) << "\n";
    return 0;
  }
  std::cout << "@" << acct_of(found.account) << (found.account.local() ? "@" + m.config.instance.domain : "") << "\n";
  auto line = [](const char* name, const std::string& value) {
    std::cout << "  " << std::left << std::setw(16) << name << value << "\n";
  };
  line("id", json["id"].get<std::string>());
  line("state", json["state"].get<std::string>());
  if (found.user) {
    line("email", found.user->email);
    line("role", found.user->role);
    line("last sign-in", found.user->last_sign_in_at ? format_iso8601_millis(*found.user->last_sign_in_at) : "never");
  }
  line("silenced", found.account.silenced_at ? "yes, since " + format_iso8601_millis(*found.account.silenced_at) : "no");
  line("suspended",
       found.account.suspended_at ? "yes, since " + format_iso8601_millis(*found.account.suspended_at) : "no");
  line("display name", found.account.display_name);
  line("uri", found.account.uri);
  line("statuses", std::to_string(found.account.statuses_count));
  line("followers", std::to_string(found.account.followers_count));
  line("following", std::to_string(found.account.following_count));
  line("created", json["created_at"].get<std::string>());
  return 0;
}

int approve(const CommandContext& context, const AccountOptions& options) {
  Moderation m(context);
  auto done = services::approve_account(m.ctx, options.username);
  std::cout << "Approved @" << done.account.username << ": the account can sign in now.\n";
  return 0;
}

int reject(const CommandContext& context, const AccountOptions& options) {
  Moderation m(context);
  services::reject_account(m.ctx, options.username);
  std::cout << "Rejected the sign-up of @" << options.username << "; the account was deleted.\n";
  return 0;
}

void report_told(int inboxes) {
  if (inboxes > 0) std::cout << "Queued the news for " << inboxes << " inbox(es).\n";
}

int suspend(const CommandContext& context, const AccountOptions& options) {
  Moderation m(context);
  auto done = services::suspend_account(m.ctx, options.username);
  std::cout << "Suspended @" << acct_of(done.moderated.account) << ".\n";
  report_told(done.inboxes);
  return 0;
}

int unsuspend(const CommandContext& context, const AccountOptions& options) {
  Moderation m(context);
  auto done = services::unsuspend_account(m.ctx, options.username);
  std::cout << "Lifted the suspension of @" << acct_of(done.moderated.account) << ".\n";
  report_told(done.inboxes);
  return 0;
}

int silence(const CommandContext& context, const AccountOptions& options) {
  Moderation m(context);
  auto done = services::silence_account(m.ctx, options.username);
  std::cout << "Silenced @" << acct_of(done.account) << ": its posts stay out of public timelines.\n";
  return 0;
}

int unsilence(const CommandContext& context, const AccountOptions& options) {
  Moderation m(context);
  auto done = services::unsilence_account(m.ctx, options.username);
  std::cout << "Lifted the silence of @" << acct_of(done.account) << ".\n";
  return 0;
}

int remove(const CommandContext& context, const AccountOptions& options) {
  Moderation m(context);
  auto done = services::delete_local_account(m.ctx, options.username);
  std::cout << "Deleted @" << done.username << " (" << done.statuses_deleted
            << " status(es) removed); the name stays reserved.\n";
  report_told(done.inboxes);
  return 0;
}

int role(const CommandContext& context, const AccountOptions& options) {
  Moderation m(context);
  auto done = services::set_account_role(m.ctx, options.username, options.role);
  std::cout << "@" << done.account.username << " is now " << options.role << ".\n";
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
  auto* group = app.add_subcommand("account", "Manage accounts");
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
  list_cmd->add_flag("--json", options->json, "Print JSON");
  list_cmd->add_flag("--pending", options->pending, "Only sign-ups waiting for approval");
  list_cmd->add_flag("--suspended", options->suspended, "Only suspended accounts");
  list_cmd->callback([&, options] { exit_code = run_command([&] { return list(context, *options); }); });

  auto* show_cmd = group->add_subcommand("show", "Show one account (local, or remote as user@domain)");
  add_config_option(*show_cmd, context);
  show_cmd->add_option("account", options->username, "Username, or user@domain")->required();
  show_cmd->add_flag("--json", options->json, "Print JSON");
  show_cmd->callback([&, options] { exit_code = run_command([&] { return show(context, *options); }); });

  // The moderation actions all take one account and nothing else.
  struct Action {
    const char* name;
    const char* description;
    const char* argument;
    int (*run)(const CommandContext&, const AccountOptions&);
  };
  const Action actions[] = {
      {"approve", "Approve a pending sign-up so the account can sign in", "Username", approve},
      {"reject", "Reject a pending sign-up (the account is deleted, the name freed)", "Username", reject},
      {"suspend", "Suspend an account: no sign-in, profile and posts hidden; tells other servers",
       "Username, or user@domain", suspend},
      {"unsuspend", "Lift a suspension", "Username, or user@domain", unsuspend},
      {"silence", "Keep an account's posts out of public timelines", "Username, or user@domain", silence},
      {"unsilence", "Lift a silence", "Username, or user@domain", unsilence},
      {"delete", "Delete a local account and its posts; tells other servers; the name stays reserved", "Username",
       remove},
  };
  for (const auto& action : actions) {
    auto* cmd = group->add_subcommand(action.name, action.description);
    add_config_option(*cmd, context);
    cmd->add_option("account", options->username, action.argument)->required();
    auto run = action.run;
    cmd->callback([&, options, run] { exit_code = run_command([&] { return run(context, *options); }); });
  }

  auto* role_cmd = group->add_subcommand("role", "Set a local account's role: user, moderator or admin");
  add_config_option(*role_cmd, context);
  role_cmd->add_option("username", options->username, "Username")->required();
  role_cmd->add_option("role", options->role, "user | moderator | admin")->required();
  role_cmd->callback([&, options] { exit_code = run_command([&] { return role(context, *options); }); });

  auto* reset_cmd = group->add_subcommand("reset-password", "Set a new password (generated unless --password-stdin)");
  add_config_option(*reset_cmd, context);
  reset_cmd->add_option("username", options->username, "Username")->required();
  reset_cmd->add_flag("--password-stdin", options->password_stdin, "Read the password from standard input");
  reset_cmd->callback([&, options] { exit_code = run_command([&] { return reset_password(context, *options); }); });
}

}  // namespace vmst::cli
