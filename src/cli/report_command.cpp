// vmst report list|show|resolve: the moderators' queue of reports (from POST /api/v1/reports and from other
// servers' Flag activities), usable while the server runs.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command_context.hpp"
#include "convert/mastodon/account.hpp"
#include "delivery/enqueue.hpp"
#include "services/report_moderation.hpp"
#include "text/html_sanitizer.hpp"
#include "time/timestamps.hpp"

namespace vmst::cli {

namespace {

struct ReportOptions {
  int64_t id = 0;
  bool json = false;
  bool all = false;
  bool forward = false;
};

std::string acct_of(const std::optional<store::AccountRecord>& a) {
  return a ? convert::mastodon::acct_of(*a) : "(gone)";
}

nlohmann::json report_json(const services::ReportDetails& d) {
  const auto& r = d.report;
  nlohmann::json statuses = nlohmann::json::array();
  for (const auto& s : d.statuses) {
    statuses.push_back({{"id", std::to_string(s.id)},
                        {"uri", s.uri},
                        {"text", text::html_to_plain_text(s.content)},
                        {"deleted", s.deleted_at.has_value()}});
  }
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& rule : d.rules) rules.push_back({{"id", std::to_string(rule.id)}, {"text", rule.text}});
  return {{"id", std::to_string(r.id)},
          {"reporter", acct_of(d.reporter)},
          {"target", acct_of(d.target)},
          {"target_local", d.target && d.target->local()},
          {"category", r.category},
          {"comment", r.comment},
          {"statuses", statuses},
          {"rules", rules},
          {"forwarded", r.forwarded},
          {"uri", r.uri ? nlohmann::json(*r.uri) : nlohmann::json()},
          {"action_taken", r.action_taken_at.has_value()},
          {"action_taken_at", r.action_taken_at ? nlohmann::json(format_iso8601_millis(*r.action_taken_at)) : nlohmann::json()},
          {"created_at", format_iso8601_millis(r.created_at)}};
}

std::string one_line(std::string text, size_t width) {
  for (auto& ch : text) {
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  }
  if (text.size() > width) text = text.substr(0, width - 3) + "...";
  return text;
}

int list(const CommandContext& context, const ReportOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto reports = services::list_reports(*db, options.all);
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : reports) out.push_back(report_json(d));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << std::left << std::setw(22) << "ID" << std::setw(10) << "STATE" << std::setw(28) << "REPORTER"
            << std::setw(28) << "TARGET" << std::setw(11) << "CATEGORY" << "COMMENT\n";
  for (const auto& d : reports) {
    std::cout << std::setw(22) << d.report.id << std::setw(10) << (d.report.action_taken_at ? "resolved" : "open")
              << std::setw(28) << acct_of(d.reporter) << std::setw(28) << acct_of(d.target) << std::setw(11)
              << d.report.category << one_line(d.report.comment, 60) << "\n";
  }
  std::cout << reports.size() << (options.all ? " report(s)\n" : " open report(s)\n");
  return 0;
}

void print_report(const services::ReportDetails& d) {
  auto json = report_json(d);
  auto line = [](const char* name, const std::string& value) {
    std::cout << "  " << std::left << std::setw(12) << name << value << "\n";
  };
  std::cout << "Report " << d.report.id << "\n";
  line("state", d.report.action_taken_at ? "resolved " + format_iso8601_millis(*d.report.action_taken_at) : "open");
  line("reporter", acct_of(d.reporter));
  line("target", acct_of(d.target));
  line("category", d.report.category);
  line("comment", d.report.comment);
  line("forwarded", d.report.forwarded ? "yes" : "no");
  line("created", json["created_at"].get<std::string>());
  for (const auto& rule : d.rules) line("rule", std::to_string(rule.id) + ": " + rule.text);
  for (const auto& s : d.statuses) {
    line("status", std::to_string(s.id) + " " + s.uri);
    std::cout << "              " << one_line(text::html_to_plain_text(s.content), 100) << "\n";
  }
}

int show(const CommandContext& context, const ReportOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto details = services::show_report(*db, options.id);
  if (options.json) {
    std::cout << report_json(details).dump(2) << "\n";
  } else {
    print_report(details);
  }
  return 0;
}

int resolve(const CommandContext& context, const ReportOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  federation::LocalUrls urls(config.base_url());
  services::ReportResolutionContext ctx{*db, urls, config.instance.domain, delivery::enqueue, nullptr, std::nullopt};
  auto resolved = services::resolve_report(ctx, options.id, options.forward);
  std::cout << "Resolved report " << options.id << ".\n";
  if (resolved.forwarded_now) {
    std::cout << "Forwarded it to the server of @" << acct_of(resolved.details.target) << ".\n";
  } else if (options.forward) {
    std::cout << "It had already been forwarded.\n";
  }
  return 0;
}

}  // namespace

void add_report_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto options = std::make_shared<ReportOptions>();
  auto* group = app.add_subcommand("report", "Handle reports from users and other servers");
  group->require_subcommand(1);
  add_config_option(*group, context);

  auto* list_cmd = group->add_subcommand("list", "List open reports (--all: resolved ones too)");
  add_config_option(*list_cmd, context);
  list_cmd->add_flag("--json", options->json, "Print JSON");
  list_cmd->add_flag("--all", options->all, "Include resolved reports");
  list_cmd->callback([&, options] { exit_code = run_command([&] { return list(context, *options); }); });

  auto* show_cmd = group->add_subcommand("show", "Show one report with its statuses and rules");
  add_config_option(*show_cmd, context);
  show_cmd->add_option("id", options->id, "Report id")->required();
  show_cmd->add_flag("--json", options->json, "Print JSON");
  show_cmd->callback([&, options] { exit_code = run_command([&] { return show(context, *options); }); });

  auto* resolve_cmd = group->add_subcommand("resolve", "Mark a report as handled");
  add_config_option(*resolve_cmd, context);
  resolve_cmd->add_option("id", options->id, "Report id")->required();
  resolve_cmd->add_flag("--forward", options->forward,
                        "Also send it to the reported account's server (remote accounts; once)");
  resolve_cmd->callback([&, options] { exit_code = run_command([&] { return resolve(context, *options); }); });
}

}  // namespace vmst::cli
