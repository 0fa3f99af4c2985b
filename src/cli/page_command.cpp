// vmst page set|list|show|remove: the instance's Markdown pages (about, privacy, terms, ...).
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command_context.hpp"
#include "services/instance_pages.hpp"
#include "services/service_error.hpp"
#include "time/timestamps.hpp"

namespace vmst::cli {

namespace {

struct PageOptions {
  std::string name;
  std::string file;
  std::string title;
  bool title_given = false;
  bool json = false;
};

std::string read_page_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw services::ServiceError(services::ServiceError::Kind::NotFound, "cannot read " + file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int set(const CommandContext& context, const PageOptions& options) {
  app::Config config = context.load_config();
  services::instance_page_kind(options.name);  // a bad name is reported before the file
  std::string markdown = read_page_file(options.file);
  auto db = context.open_database(config);
  store::InstancePage page;
  try {
    page = services::set_instance_page(*db, options.name, markdown,
                                       options.title_given ? std::optional(options.title) : std::nullopt);
  } catch (const services::ServiceError& e) {
    throw services::ServiceError(e.kind(), options.file + ": " + e.what());
  }
  std::cout << "Set the " << services::instance_page_kind(options.name).name << " page (\"" << page.title << "\", "
            << page.markdown.size() << " bytes)\n";
  return 0;
}

int list(const CommandContext& context, const PageOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto pages = services::list_instance_pages(*db);
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : pages) {
      out.push_back({{"name", p.name},
                     {"title", p.page.title},
                     {"bytes", p.page.markdown.size()},
                     {"updated_at", format_iso8601_millis(p.page.updated_at)}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const auto& p : pages) {
    std::cout << p.name << "\t" << p.page.title << "\t" << p.page.markdown.size() << " bytes\t"
              << format_iso8601_millis(p.page.updated_at) << "\n";
  }
  std::cout << pages.size() << " page(s)\n";
  return 0;
}

int show(const CommandContext& context, const PageOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto page = services::find_instance_page(*db, options.name);
  std::cout << page.markdown;
  if (!page.markdown.empty() && page.markdown.back() != '\n') std::cout << "\n";
  return 0;
}

int remove(const CommandContext& context, const PageOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  services::remove_instance_page(*db, options.name);
  std::cout << "Removed the " << services::instance_page_kind(options.name).name << " page\n";
  return 0;
}

std::string page_names() {
  std::string names;
  for (const auto& kind : services::instance_page_kinds()) names += (names.empty() ? "" : ", ") + kind.name;
  return names;
}

}  // namespace

void add_page_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto options = std::make_shared<PageOptions>();
  auto* group = app.add_subcommand("page", "Manage the instance's pages (" + page_names() + ")");
  group->require_subcommand(1);
  add_config_option(*group, context);

  auto* set_cmd = group->add_subcommand("set", "Create or replace a page from a Markdown file");
  add_config_option(*set_cmd, context);
  set_cmd->add_option("name", options->name, "The page: " + page_names())->required();
  set_cmd->add_option("file", options->file, "Markdown file (UTF-8); %{domain} becomes the instance's domain")
      ->required();
  auto* title = set_cmd->add_option("--title", options->title, "The page's title (default: from its name)");
  set_cmd->callback([&, options, title] {
    options->title_given = title->count() > 0;
    exit_code = run_command([&] { return set(context, *options); });
  });

  auto* list_cmd = group->add_subcommand("list", "List the pages that are set");
  add_config_option(*list_cmd, context);
  list_cmd->add_flag("--json", options->json, "Print JSON");
  list_cmd->callback([&, options] { exit_code = run_command([&] { return list(context, *options); }); });

  auto* show_cmd = group->add_subcommand("show", "Print a page's Markdown");
  add_config_option(*show_cmd, context);
  show_cmd->add_option("name", options->name, "The page")->required();
  show_cmd->callback([&, options] { exit_code = run_command([&] { return show(context, *options); }); });

  auto* remove_cmd = group->add_subcommand("remove", "Remove a page");
  add_config_option(*remove_cmd, context);
  remove_cmd->add_option("name", options->name, "The page")->required();
  remove_cmd->callback([&, options] { exit_code = run_command([&] { return remove(context, *options); }); });
}

}  // namespace vmst::cli
