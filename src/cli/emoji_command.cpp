// vmst emoji add|import|export|list|remove|copy: the instance's custom emoji, as tootctl emoji manages them. Works
// while the server runs: the server reads emoji from the database on every request.
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "cli/command_context.hpp"
#include "convert/mastodon/custom_emoji.hpp"
#include "media/emoji_pack.hpp"
#include "services/custom_emojis.hpp"
#include "services/service_error.hpp"
#include "time/timestamps.hpp"

namespace vmst::cli {

namespace {

using services::ServiceError;

struct EmojiCommandOptions {
  std::string shortcode;
  std::string file;
  std::string category;
  bool overwrite = false;
  std::string prefix, suffix;
  bool json = false;
  bool remote = false;
};

std::optional<std::string> optional_category(const EmojiCommandOptions& options) {
  if (options.category.empty()) return std::nullopt;
  return options.category;
}

// The whole file, or an error naming it. Reads at most one byte past the limit: enough to say it is too big.
std::string read_image_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw ServiceError(ServiceError::Kind::Invalid, "cannot read " + path + ": no such file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ServiceError(ServiceError::Kind::Invalid, "cannot read " + path);
  std::string bytes(services::kEmojiSizeLimit + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

media::MediaStorage storage_of(const app::Config& config) { return media::MediaStorage(config.media_path()); }

int add(const CommandContext& context, const EmojiCommandOptions& options) {
  app::Config config = context.load_config();
  services::validate_emoji_shortcode(options.shortcode);
  std::string bytes = read_image_file(options.file);
  auto db = context.open_database(config);
  auto emoji = services::add_local_emoji(
      *db, storage_of(config), {options.shortcode, std::move(bytes), options.file, optional_category(options),
                                options.overwrite});
  federation::LocalUrls urls(config.base_url());
  std::cout << "Added :" << emoji.shortcode << ": (" << emoji.image_content_type.value_or("") << ") at "
            << urls.media_file(*emoji.image_path) << "\n";
  return 0;
}

int import_pack(const CommandContext& context, const EmojiCommandOptions& options) {
  app::Config config = context.load_config();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(options.file, ec)) {
    throw ServiceError(ServiceError::Kind::Invalid, "cannot read " + options.file + ": no such file");
  }
  std::vector<media::PackEntry> entries;
  try {
    entries = media::read_emoji_pack(options.file, services::kEmojiSizeLimit);
  } catch (const media::PackError& e) {
    throw ServiceError(ServiceError::Kind::Invalid, e.what());
  }
  auto db = context.open_database(config);
  services::PackImportOptions import_options{optional_category(options), options.overwrite, options.prefix,
                                             options.suffix};
  auto result = services::import_emoji_pack(*db, storage_of(config), entries, import_options);
  for (const auto& failure : result.failures) std::cerr << "vmst: " << failure << "\n";
  std::cout << "Imported " << result.imported << ", skipped " << result.skipped << " (already present), failed "
            << result.failures.size() << ", ignored " << result.ignored << " non-image file(s).\n";
  if (result.skipped > 0 && !options.overwrite) std::cout << "Use --overwrite to replace existing emoji.\n";
  return result.failures.empty() ? 0 : kExitFailure;
}

int export_pack(const CommandContext& context, const EmojiCommandOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto entries = services::export_emoji_pack(*db, storage_of(config));
  const std::string path = options.file.empty() ? "custom_emojis.tar.gz" : options.file;
  try {
    media::write_emoji_pack(path, entries);
  } catch (const media::PackError& e) {
    throw ServiceError(ServiceError::Kind::Invalid, e.what());
  }
  std::cout << "Exported " << entries.size() << " emoji to " << path << "\n";
  return 0;
}

int list(const CommandContext& context, const EmojiCommandOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  federation::LocalUrls urls(config.base_url());
  auto emojis = db->read([&](store::Connection& c) { return store::list_custom_emojis(c, options.remote); });
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : emojis) {
      auto item = convert::mastodon::custom_emoji_json(e, urls);
      item["domain"] = e.domain ? nlohmann::json(*e.domain) : nlohmann::json();
      item["content_type"] = e.image_content_type ? nlohmann::json(*e.image_content_type) : nlohmann::json();
      item["disabled"] = e.disabled;
      item["updated_at"] = format_iso8601_millis(e.updated_at);
      out.push_back(std::move(item));
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (emojis.empty()) {
    std::cout << (options.remote ? "No remote emoji seen yet.\n" : "No custom emoji.\n");
    return 0;
  }
  for (const auto& e : emojis) {
    std::string name = ":" + e.shortcode + ":";
    if (e.domain) name = e.shortcode + "@" + *e.domain;
    std::cout << std::left << std::setw(40) << name << std::setw(16) << e.category.value_or("-")
              << convert::mastodon::custom_emoji_json(e, urls)["url"].get<std::string>()
              << (e.disabled ? " (disabled)" : "") << "\n";
  }
  return 0;
}

int remove(const CommandContext& context, const EmojiCommandOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  services::remove_local_emoji(*db, storage_of(config), options.shortcode);
  std::cout << "Removed :" << options.shortcode << ":\n";
  return 0;
}

int copy(const CommandContext& context, const EmojiCommandOptions& options) {
  const auto at = options.shortcode.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == options.shortcode.size()) {
    throw ServiceError(ServiceError::Kind::Invalid,
                       "\"" + options.shortcode + "\" is not SHORTCODE@DOMAIN (for example blobcat@example.social)");
  }
  const std::string shortcode = options.shortcode.substr(0, at);
  const std::string domain = options.shortcode.substr(at + 1);
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto emoji = services::copy_remote_emoji(*db, storage_of(config), app::net_policy(config), shortcode, domain,
                                           options.overwrite);
  std::cout << "Copied :" << emoji.shortcode << ": from " << domain << "\n";
  return 0;
}

}  // namespace

void add_emoji_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto options = std::make_shared<EmojiCommandOptions>();
  auto* group = app.add_subcommand("emoji", "Manage the instance's custom emoji");
  group->require_subcommand(1);
  add_config_option(*group, context);
  auto run = [&exit_code, &context, options](int (*body)(const CommandContext&, const EmojiCommandOptions&)) {
    return [&exit_code, &context, options, body] {
      exit_code = run_command([&] { return body(context, *options); });
    };
  };

  auto* add_cmd = group->add_subcommand("add", "Add a custom emoji from a PNG, GIF or WebP file (at most 256 KB)");
  add_config_option(*add_cmd, context);
  add_cmd->add_option("shortcode", options->shortcode, "Shortcode: letters, digits and _, at least 2")->required();
  add_cmd->add_option("file", options->file, "The image file")->required();
  add_cmd->add_option("--category", options->category, "Category in the emoji picker");
  add_cmd->add_flag("--overwrite", options->overwrite, "Replace the image of an existing emoji");
  add_cmd->callback(run(add));

  auto* import_cmd =
      group->add_subcommand("import", "Import every image in a .tar.gz pack; file names become shortcodes");
  add_config_option(*import_cmd, context);
  import_cmd->add_option("pack", options->file, "The pack (.tar.gz)")->required();
  import_cmd->add_option("--category", options->category, "Category for the imported emoji");
  import_cmd->add_option("--prefix", options->prefix, "Put before each shortcode");
  import_cmd->add_option("--suffix", options->suffix, "Put after each shortcode");
  import_cmd->add_flag("--overwrite", options->overwrite, "Replace existing emoji instead of skipping them");
  import_cmd->callback(run(import_pack));

  auto* export_cmd = group->add_subcommand("export", "Write the local emoji to a .tar.gz pack that import reads back");
  add_config_option(*export_cmd, context);
  export_cmd->add_option("file", options->file, "Where to write (default: custom_emojis.tar.gz)");
  export_cmd->callback(run(export_pack));

  auto* list_cmd = group->add_subcommand("list", "List the local emoji (or with --remote, those seen elsewhere)");
  add_config_option(*list_cmd, context);
  list_cmd->add_flag("--json", options->json, "Print JSON");
  list_cmd->add_flag("--remote", options->remote, "List the emoji seen on other servers instead");
  list_cmd->callback(run(list));

  auto* remove_cmd = group->add_subcommand("remove", "Remove a local emoji and its image");
  add_config_option(*remove_cmd, context);
  remove_cmd->add_option("shortcode", options->shortcode, "Shortcode")->required();
  remove_cmd->callback(run(remove));

  auto* copy_cmd = group->add_subcommand("copy", "Adopt a remote emoji already seen as a local one");
  add_config_option(*copy_cmd, context);
  copy_cmd->add_option("emoji", options->shortcode, "SHORTCODE@DOMAIN")->required();
  copy_cmd->add_flag("--overwrite", options->overwrite, "Replace a local emoji of the same shortcode");
  copy_cmd->callback(run(copy));
}

}  // namespace vmst::cli
