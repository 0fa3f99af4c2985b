// vmst rules add|list|remove|move: the instance rules shown at sign-up and in /api/v1/instance/rules.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command_context.hpp"
#include "services/instance_info.hpp"
#include "services/instance_rules.hpp"

namespace vmst::cli {

namespace {

struct RulesOptions {
  std::string text;
  std::string hint;
  int64_t id = 0;
  int position = 0;
  bool json = false;
};

void print_rules(const std::vector<store::InstanceRule>& rules, bool json) {
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    int position = 1;
    for (const auto& r : rules) {
      out.push_back({{"id", std::to_string(r.id)}, {"position", position++}, {"text", r.text}, {"hint", r.hint}});
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  int position = 1;
  for (const auto& r : rules) {
    std::cout << position++ << ". [id " << r.id << "] " << r.text << "\n";
    if (!r.hint.empty()) std::cout << "     " << r.hint << "\n";
  }
  std::cout << rules.size() << " rule(s)\n";
}

int add(const CommandContext& context, const RulesOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto rule = services::add_instance_rule(*db, options.text, options.hint);
  std::cout << "Added rule " << rule.id << ": " << rule.text << "\n";
  return 0;
}

int list(const CommandContext& context, const RulesOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  print_rules(services::instance_rules(*db), options.json);
  return 0;
}

int remove_rule(const CommandContext& context, const RulesOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  services::remove_instance_rule(*db, options.id);
  std::cout << "Removed rule " << options.id << "\n";
  return 0;
}

int move_rule(const CommandContext& context, const RulesOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  print_rules(services::move_instance_rule(*db, options.id, options.position), false);
  return 0;
}

}  // namespace

void add_rules_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto options = std::make_shared<RulesOptions>();
  auto* group = app.add_subcommand("rules", "Manage the instance rules");
  group->require_subcommand(1);
  add_config_option(*group, context);

  auto* add_cmd = group->add_subcommand("add", "Add a rule after the last one");
  add_config_option(*add_cmd, context);
  add_cmd->add_option("text", options->text, "The rule (at most 300 characters)")->required();
  add_cmd->add_option("--hint", options->hint, "A longer explanation shown under the rule");
  add_cmd->callback([&, options] { exit_code = run_command([&] { return add(context, *options); }); });

  auto* list_cmd = group->add_subcommand("list", "List the rules in order");
  add_config_option(*list_cmd, context);
  list_cmd->add_flag("--json", options->json, "Print JSON");
  list_cmd->callback([&, options] { exit_code = run_command([&] { return list(context, *options); }); });

  auto* remove_cmd = group->add_subcommand("remove", "Remove a rule");
  add_config_option(*remove_cmd, context);
  remove_cmd->add_option("id", options->id, "The rule's id (see `vmst rules list`)")->required();
  remove_cmd->callback([&, options] { exit_code = run_command([&] { return remove_rule(context, *options); }); });

  auto* move_cmd = group->add_subcommand("move", "Move a rule to another position");
  add_config_option(*move_cmd, context);
  move_cmd->add_option("id", options->id, "The rule's id")->required();
  move_cmd->add_option("position", options->position, "Its new position, 1 for the first")->required();
  move_cmd->callback([&, options] { exit_code = run_command([&] { return move_rule(context, *options); }); });
}

}  // namespace vmst::cli
