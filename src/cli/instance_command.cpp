// vmst instance contact|show: what the instance says about itself beyond rules and pages.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command_context.hpp"
#include "services/instance_contact.hpp"
#include "services/instance_description.hpp"

namespace vmst::cli {

namespace {

struct InstanceOptions {
  std::string account;
  std::string email;
  bool account_given = false;
  bool email_given = false;
  bool json = false;
  std::string description;
};

void print_contact(const services::InstanceContact& contact, const std::string& domain, bool json) {
  if (json) {
    nlohmann::json out = {
        {"account", contact.account ? nlohmann::json(contact.account->username) : nlohmann::json()},
        {"account_chosen", contact.account_chosen},
        {"email", contact.email},
        {"email_chosen", contact.email_chosen},
    };
    std::cout << out.dump(2) << "\n";
    return;
  }
  std::cout << "Contact account: "
            << (contact.account ? "@" + contact.account->username + "@" + domain : std::string("(none)"))
            << (contact.account_chosen ? "" : " (the first admin)") << "\n"
            << "Contact email:   " << (contact.email.empty() ? "(none)" : contact.email)
            << (contact.email_chosen ? "" : " (from the config)") << "\n";
}

int contact(const CommandContext& context, const InstanceOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  services::InstanceContactChange change;
  if (options.account_given) change.username = options.account;
  if (options.email_given) change.email = options.email;
  services::InstanceContact result =
      change.username || change.email ? services::set_instance_contact(*db, change, config.instance.contact_email)
                                      : services::instance_contact(*db, config.instance.contact_email);
  print_contact(result, config.instance.domain, options.json);
  return 0;
}

int description(const CommandContext& context, const InstanceOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  std::string text = services::set_instance_description(*db, options.description);
  std::cout << (text.empty() ? "Cleared the description\n" : "Set the description\n");
  return 0;
}

}  // namespace

void add_instance_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto options = std::make_shared<InstanceOptions>();
  auto* group = app.add_subcommand("instance", "What the instance publishes about itself");
  group->require_subcommand(1);
  add_config_option(*group, context);

  auto* contact_cmd = group->add_subcommand(
      "contact", "Show or set the contact account and email of /api/v2/instance (without options: show them)");
  add_config_option(*contact_cmd, context);
  auto* account = contact_cmd->add_option("--account", options->account,
                                          "A local account; \"\" goes back to the first admin");
  auto* email = contact_cmd->add_option("--email", options->email,
                                        "Email address; \"\" goes back to instance.contact_email of the config");
  contact_cmd->add_flag("--json", options->json, "Print JSON");
  contact_cmd->callback([&, options, account, email] {
    options->account_given = account->count() > 0;
    options->email_given = email->count() > 0;
    exit_code = run_command([&] { return contact(context, *options); });
  });

  auto* description_cmd = group->add_subcommand(
      "description", "Set the short plain-text description of /api/v1|v2/instance (\"\" clears it)");
  add_config_option(*description_cmd, context);
  description_cmd->add_option("text", options->description, "At most 500 characters")->required();
  description_cmd->callback([&, options] { exit_code = run_command([&] { return description(context, *options); }); });
}

}  // namespace vmst::cli
