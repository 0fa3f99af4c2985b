// vmst media usage|prune: room taken by the media folder, and letting go of cached remote media.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command_context.hpp"
#include "services/media_maintenance.hpp"
#include "services/service_error.hpp"
#include "time/duration_text.hpp"
#include "time/timestamps.hpp"

namespace vmst::cli {

namespace {

struct MediaOptions {
  std::string older_than;
  bool dry_run = false;
  bool json = false;
};

std::string human_bytes(int64_t bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 4) {
    value /= 1024;
    ++unit;
  }
  std::ostringstream out;
  out << std::fixed << std::setprecision(unit == 0 ? 0 : 1) << value << " " << units[unit];
  return out.str();
}

nlohmann::json totals_json(const services::MediaFileTotals& t) { return {{"files", t.files}, {"bytes", t.bytes}}; }

int usage(const CommandContext& context, const MediaOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto u = services::media_usage(*db, media::MediaStorage(config.media_path()));
  if (options.json) {
    nlohmann::json out = {{"local_attachments", totals_json(u.local_attachments)},
                          {"remote_cache", totals_json(u.remote_cache)},
                          {"avatars_and_headers", totals_json(u.profile_images)},
                          {"custom_emoji", totals_json(u.custom_emoji)},
                          {"unreferenced", totals_json(u.unreferenced)},
                          {"missing_files", u.missing_files},
                          {"total", totals_json(u.total)}};
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  auto row = [](const std::string& label, const services::MediaFileTotals& t) {
    std::cout << std::left << std::setw(22) << label << std::right << std::setw(8) << t.files << " files  "
              << human_bytes(t.bytes) << "\n";
  };
  row("Local attachments", u.local_attachments);
  row("Remote media cache", u.remote_cache);
  row("Local avatars, headers", u.profile_images);
  row("Local custom emoji", u.custom_emoji);
  row("Unreferenced", u.unreferenced);
  row("Total on disk", u.total);
  if (u.missing_files) std::cout << u.missing_files << " file(s) the database names are missing from disk\n";
  return 0;
}

int prune(const CommandContext& context, const MediaOptions& options) {
  auto age = parse_duration_millis(options.older_than);
  if (!age) {
    throw services::ServiceError(services::ServiceError::Kind::Invalid,
                                 "--older-than: \"" + options.older_than +
                                     "\" is not a duration (use a number and a unit: 30m, 12h, 7d, 2w)");
  }
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto result = services::prune_remote_media(*db, media::MediaStorage(config.media_path()), now_millis() - *age,
                                             options.dry_run);
  if (options.json) {
    std::cout << nlohmann::json{{"dry_run", options.dry_run},
                                {"attachments", result.attachments},
                                {"files", result.files},
                                {"bytes", result.bytes}}
                     .dump(2)
              << "\n";
    return 0;
  }
  std::cout << (options.dry_run ? "Would remove " : "Removed ") << result.files << " cached file(s) of "
            << result.attachments << " remote attachment(s), " << human_bytes(result.bytes)
            << (options.dry_run ? " would be freed" : " freed") << "\n";
  return 0;
}

}  // namespace

void add_media_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto options = std::make_shared<MediaOptions>();
  auto* group = app.add_subcommand("media", "Look after the media folder");
  group->require_subcommand(1);
  add_config_option(*group, context);

  auto* usage_cmd = group->add_subcommand("usage", "Files and bytes by use: local uploads, remote cache, avatars, emoji");
  add_config_option(*usage_cmd, context);
  usage_cmd->add_flag("--json", options->json, "Print JSON");
  usage_cmd->callback([&, options] { exit_code = run_command([&] { return usage(context, *options); }); });

  auto* prune_cmd = group->add_subcommand(
      "prune", "Delete cached copies of remote attachments older than a duration (fetched again when asked for)");
  add_config_option(*prune_cmd, context);
  prune_cmd->add_option("--older-than", options->older_than, "Age such as 7d, 12h, 2w")->required();
  prune_cmd->add_flag("--dry-run", options->dry_run, "Only report what would be removed");
  prune_cmd->add_flag("--json", options->json, "Print JSON");
  prune_cmd->callback([&, options] { exit_code = run_command([&] { return prune(context, *options); }); });
}

}  // namespace vmst::cli
