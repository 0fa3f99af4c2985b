// vmst invite create|list|revoke: invitation codes for POST /api/v1/accounts (invite_code), usable while the server
// runs.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command_context.hpp"
#include "services/invites.hpp"
#include "time/timestamps.hpp"

namespace vmst::cli {

namespace {

struct InviteOptions {
  std::optional<int64_t> uses;
  std::optional<std::string> expires;
  std::string code;
  bool json = false;
};

nlohmann::json invite_json(const store::InviteRecord& i, int64_t now) {
  return {{"id", std::to_string(i.id)},
          {"code", i.code},
          {"uses", i.uses},
          {"max_uses", i.max_uses ? nlohmann::json(*i.max_uses) : nlohmann::json()},
          {"expires_at", i.expires_at ? nlohmann::json(format_iso8601_millis(*i.expires_at)) : nlohmann::json()},
          {"state", services::invite_state(i, now)},
          {"created_at", format_iso8601_millis(i.created_at)}};
}

int create(const CommandContext& context, const InviteOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  services::NewInvite request;
  request.max_uses = options.uses;
  request.expires_in = options.expires;
  auto invite = services::create_invite(*db, request);
  if (options.json) {
    std::cout << invite_json(invite, now_millis()).dump(2) << "\n";
    return 0;
  }
  std::cout << "Invite code: " << invite.code << "\n";
  std::cout << "Uses: " << (invite.max_uses ? std::to_string(*invite.max_uses) : "unlimited")
            << ", expires: " << (invite.expires_at ? format_iso8601_seconds(*invite.expires_at) : "never") << "\n";
  // There is no web sign-up page yet: apps send the code as Mastodon's invite_code.
  std::cout << "Sign up with it in an app (POST /api/v1/accounts with invite_code) on " << config.base_url() << "\n";
  return 0;
}

int list(const CommandContext& context, const InviteOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto invites = services::list_invites(*db);
  const int64_t now = now_millis();
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& i : invites) out.push_back(invite_json(i, now));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << std::left << std::setw(12) << "CODE" << std::setw(10) << "STATE" << std::setw(12) << "USES"
            << "EXPIRES\n";
  for (const auto& i : invites) {
    std::string uses = std::to_string(i.uses) + "/" + (i.max_uses ? std::to_string(*i.max_uses) : "-");
    std::cout << std::setw(12) << i.code << std::setw(10) << services::invite_state(i, now) << std::setw(12) << uses
              << (i.expires_at ? format_iso8601_seconds(*i.expires_at) : "never") << "\n";
  }
  std::cout << invites.size() << " invite(s)\n";
  return 0;
}

int revoke(const CommandContext& context, const InviteOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto invite = services::revoke_invite(*db, options.code);
  std::cout << "Revoked invite " << invite.code << " (used " << invite.uses << " time(s)).\n";
  return 0;
}

}  // namespace

void add_invite_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto options = std::make_shared<InviteOptions>();
  auto* group = app.add_subcommand("invite", "Manage invitations to sign up");
  group->require_subcommand(1);
  add_config_option(*group, context);

  auto* create_cmd = group->add_subcommand("create", "Create an invite code");
  add_config_option(*create_cmd, context);
  create_cmd->add_option("--uses", options->uses, "How many sign-ups it allows (default: unlimited)");
  create_cmd->add_option("--expires", options->expires, "How long it stays valid: 30m, 12h, 7d, 2w (default: forever)");
  create_cmd->add_flag("--json", options->json, "Print JSON");
  create_cmd->callback([&, options] { exit_code = run_command([&] { return create(context, *options); }); });

  auto* list_cmd = group->add_subcommand("list", "List invites with their uses and expiry");
  add_config_option(*list_cmd, context);
  list_cmd->add_flag("--json", options->json, "Print JSON");
  list_cmd->callback([&, options] { exit_code = run_command([&] { return list(context, *options); }); });

  auto* revoke_cmd = group->add_subcommand("revoke", "End an invite now");
  add_config_option(*revoke_cmd, context);
  revoke_cmd->add_option("code", options->code, "Invite code")->required();
  revoke_cmd->callback([&, options] { exit_code = run_command([&] { return revoke(context, *options); }); });
}

}  // namespace vmst::cli
