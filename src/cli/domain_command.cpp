// vmst domain block|unblock|list|import|export|allow|disallow|allowed|subscribe|unsubscribe|subscriptions:
// defederation, usable while the server runs.
// Every door (inbox, fetches, deliveries, search) reads the blocks from the database on each request, so a change
// takes effect in the running server as soon as the command's transaction commits.
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command_context.hpp"
#include "convert/mastodon/domain_block_list.hpp"
#include "delivery/enqueue.hpp"
#include "app/app.hpp"
#include "services/blocklist_subscriptions.hpp"
#include "services/domain_blocks.hpp"
#include "services/domain_media_clear.hpp"
#include "services/domain_purge.hpp"
#include "services/service_error.hpp"
#include "time/timestamps.hpp"

namespace vmst::cli {

namespace {

struct DomainOptions {
  std::string domain;
  std::string severity = "suspend";
  bool reject_media = false;
  bool reject_reports = false;
  bool obfuscate = false;
  std::string public_comment;
  std::string private_comment;
  bool json = false;
  std::string file;
  std::string format;  // csv | json; empty: from the file's content
  std::string url;
  std::string severity_cap = "suspend";
  bool refresh = false;
};

services::ServiceError invalid(const std::string& message) {
  return services::ServiceError(services::ServiceError::Kind::Invalid, message);
}

services::Outbox queue_outbox() {
  return services::Outbox([](store::Connection& c, int64_t sender, const std::string& activity,
                             const std::vector<std::string>& inboxes,
                             int64_t now) { delivery::enqueue(c, sender, activity, inboxes, now); });
}

// Purged media files go once the purge has committed: a rolled-back purge must not lose them.
// A new suspension's purge runs here, batch by batch, once the block has committed; were the command stopped
// half-way, the server finishes the purge (services/domain_purge).
// So does the deletion of the copies of a reject_media domain's media.
void purge(const app::Config& config, store::Database& db, services::DomainBlockOutcome& effects) {
  if (effects.purge_started) {
    auto purged = services::run_pending_purges(db, config.media_path());
    effects.accounts_purged = purged.accounts;
    effects.statuses_purged = purged.statuses;
  }
  if (effects.media_clear_started) {
    effects.media_files_deleted = services::run_pending_media_clears(db, config.media_path()).files;
  }
}

void print_effects(const services::DomainBlockOutcome& o) {
  if (o.follows_severed) {
    std::cout << "  severed " << o.follows_severed << " follow(s); " << o.users_notified
              << " local user(s) notified\n";
  }
  if (o.accounts_purged || o.statuses_purged) {
    std::cout << "  purged " << o.accounts_purged << " account(s) and " << o.statuses_purged << " status(es)\n";
  }
  if (o.media_files_deleted) std::cout << "  deleted " << o.media_files_deleted << " cached media file(s)\n";
  if (o.accounts_silenced) std::cout << "  silenced " << o.accounts_silenced << " account(s)\n";
  if (o.deliveries_dropped) std::cout << "  dropped " << o.deliveries_dropped << " queued deliver(ies)\n";
}

int block(const CommandContext& context, const DomainOptions& options) {
  app::Config config = context.load_config();
  services::check_severity(options.severity);
  services::DomainBlockInput input;
  input.domain = services::normalize_block_domain(options.domain);
  input.severity = options.severity;
  input.reject_media = options.reject_media;
  input.reject_reports = options.reject_reports;
  input.obfuscate = options.obfuscate;
  input.public_comment = options.public_comment;
  input.private_comment = options.private_comment;
  auto db = context.open_database(config);
  auto outbox = queue_outbox();
  auto outcome = db->write([&](store::Connection& c) { return services::apply_domain_block(c, outbox, input, now_millis()); });
  purge(config, *db, outcome);
  std::cout << (outcome.created ? "Blocked " : "Updated the block on ") << outcome.block.domain << " ("
            << outcome.block.severity << (outcome.block.reject_media ? ", reject media" : "")
            << (outcome.block.reject_reports ? ", reject reports" : "") << ")\n";
  print_effects(outcome);
  return 0;
}

int unblock(const CommandContext& context, const DomainOptions& options) {
  app::Config config = context.load_config();
  std::string domain = services::normalize_block_domain(options.domain);
  auto db = context.open_database(config);
  auto removed = db->write([&](store::Connection& c) { return services::remove_domain_block(c, domain); });
  std::cout << "Unblocked " << removed.domain << " (was " << removed.severity << ")\n";
  if (removed.severity == "suspend") {
    std::cout << "  Purged accounts and posts come back only as that server sends them again; severed follows "
                 "must be made again.\n";
  }
  return 0;
}

int list(const CommandContext& context, const DomainOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto blocks = db->read([](store::Connection& c) { return store::list_domain_blocks(c); });
  if (options.json) {
    std::cout << convert::mastodon::domain_blocks_json(blocks).dump(2) << "\n";
    return 0;
  }
  std::cout << std::left << std::setw(40) << "DOMAIN" << std::setw(9) << "SEVERITY" << std::setw(22) << "FLAGS"
            << "CREATED\n";
  for (const auto& b : blocks) {
    std::string flags;
    if (b.reject_media) flags += "reject-media ";
    if (b.reject_reports) flags += "reject-reports ";
    if (b.obfuscate) flags += "obfuscate";
    std::cout << std::setw(40) << b.domain << std::setw(9) << b.severity << std::setw(22) << flags
              << format_iso8601_millis(b.created_at) << "\n";
    if (!b.public_comment.empty()) std::cout << "    public:  " << b.public_comment << "\n";
    if (!b.private_comment.empty()) std::cout << "    private: " << b.private_comment << "\n";
  }
  std::cout << blocks.size() << " domain block(s)\n";
  return 0;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw invalid("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int import(const CommandContext& context, const DomainOptions& options) {
  app::Config config = context.load_config();
  if (!options.format.empty() && options.format != "csv" && options.format != "json") {
    throw invalid("--format must be csv or json, not \"" + options.format + "\"");
  }
  std::string text = options.file == "-" ? std::string(std::istreambuf_iterator<char>(std::cin), {}) : read_file(options.file);
  bool json = options.format.empty() ? convert::mastodon::looks_like_json(text) : options.format == "json";
  std::vector<convert::mastodon::ListedDomainBlock> entries;
  try {
    entries = json ? convert::mastodon::parse_domain_block_json(text) : convert::mastodon::parse_domain_block_csv(text);
  } catch (const convert::mastodon::DomainBlockListError& e) {
    throw invalid(options.file + ": " + e.what() + " (nothing was imported)");
  }
  auto db = context.open_database(config);
  auto outbox = queue_outbox();
  services::DomainBlockImport result;
  try {
    result = db->write([&](store::Connection& c) { return services::import_domain_blocks(c, outbox, entries, now_millis()); });
  } catch (const services::ServiceError& e) {
    throw services::ServiceError(e.kind(), options.file + ": " + e.what() + " (nothing was imported)");
  }
  purge(config, *db, result.effects);
  for (const auto& skipped : result.skipped) std::cout << "Skipped " << skipped << "\n";
  std::cout << "Imported " << entries.size() - result.skipped.size() << " block(s): " << result.created
            << " new, " << result.updated << " updated, " << result.unchanged << " unchanged\n";
  print_effects(result.effects);
  return 0;
}

int export_blocks(const CommandContext& context, const DomainOptions& options) {
  app::Config config = context.load_config();
  if (!options.format.empty() && options.format != "csv" && options.format != "json") {
    throw invalid("--format must be csv or json, not \"" + options.format + "\"");
  }
  auto db = context.open_database(config);
  auto blocks = db->read([](store::Connection& c) { return store::list_domain_blocks(c); });
  if (options.format == "json") {
    std::cout << convert::mastodon::domain_blocks_json(blocks).dump(2) << "\n";
  } else {
    std::cout << convert::mastodon::domain_blocks_csv(blocks);
  }
  return 0;
}

int allow(const CommandContext& context, const DomainOptions& options) {
  app::Config config = context.load_config();
  std::string domain = services::normalize_block_domain(options.domain);
  auto db = context.open_database(config);
  bool added = db->write([&](store::Connection& c) { return services::allow_domain(c, domain, now_millis()); });
  std::cout << (added ? "Allowed " : "Already allowed: ") << domain << "\n";
  if (config.federation.mode != "allowlist") {
    std::cout << "  Note: federation.mode is \"" << config.federation.mode
              << "\"; the allow list applies only in \"allowlist\" mode.\n";
  }
  return 0;
}

int disallow(const CommandContext& context, const DomainOptions& options) {
  app::Config config = context.load_config();
  std::string domain = services::normalize_block_domain(options.domain);
  auto db = context.open_database(config);
  db->write([&](store::Connection& c) { services::disallow_domain(c, domain); });
  std::cout << "Removed " << domain << " from the allow list\n";
  return 0;
}

int allowed(const CommandContext& context, const DomainOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto domains = db->read([](store::Connection& c) { return store::list_domain_allows(c); });
  if (options.json) {
    std::cout << nlohmann::json(domains).dump(2) << "\n";
    return 0;
  }
  for (const auto& d : domains) std::cout << d << "\n";
  std::cout << domains.size() << " allowed domain(s); federation.mode is \"" << config.federation.mode << "\"\n";
  return 0;
}

federation::EnqueueDelivery queue_enqueue() {
  return [](store::Connection& c, int64_t sender, const std::string& activity, const std::vector<std::string>& inboxes,
            int64_t now) { delivery::enqueue(c, sender, activity, inboxes, now); };
}

int subscribe(const CommandContext& context, const DomainOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto subscription = services::subscribe_blocklist(*db, options.url, options.format.empty() ? "auto" : options.format,
                                                    options.severity_cap, now_millis());
  std::cout << "Subscribed to " << subscription.url << " (severities capped at " << subscription.severity_cap
            << "; fetched again every " << config.federation.blocklist_refresh_seconds << " s by the server)\n";
  auto result = services::refresh_blocklist(*db, app::net_policy(config), queue_enqueue(), config.media_path(),
                                            subscription, now_millis());
  std::cout << (result.ok ? "First fetch: " : "First fetch failed: ") << result.summary << "\n";
  return result.ok ? 0 : kExitFailure;
}

int unsubscribe(const CommandContext& context, const DomainOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  int lifted = services::unsubscribe_blocklist(*db, options.url);
  std::cout << "Unsubscribed from " << options.url << "; lifted the " << lifted << " block(s) it had set\n";
  return 0;
}

int subscriptions(const CommandContext& context, const DomainOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  auto list = db->read([](store::Connection& c) { return store::list_blocklist_subscriptions(c); });
  if (options.refresh) {
    for (const auto& s : list) {
      auto result = services::refresh_blocklist(*db, app::net_policy(config), queue_enqueue(), config.media_path(), s,
                                                now_millis());
      std::cout << "Refreshed " << s.url << ": " << result.summary << "\n";
    }
    list = db->read([](store::Connection& c) { return store::list_blocklist_subscriptions(c); });
  }
  auto time_or_never = [](const std::optional<int64_t>& t) { return t ? format_iso8601_millis(*t) : std::string("never"); };
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : list) {
      out.push_back({{"url", s.url},
                     {"format", s.format},
                     {"severity_cap", s.severity_cap},
                     {"last_fetched_at", s.last_fetched_at ? nlohmann::json(format_iso8601_millis(*s.last_fetched_at)) : nlohmann::json()},
                     {"last_success_at", s.last_success_at ? nlohmann::json(format_iso8601_millis(*s.last_success_at)) : nlohmann::json()},
                     {"last_error", s.last_error ? nlohmann::json(*s.last_error) : nlohmann::json()},
                     {"last_result", s.last_result ? nlohmann::json(*s.last_result) : nlohmann::json()}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const auto& s : list) {
    std::cout << s.url << "\n  format " << s.format << ", severities capped at " << s.severity_cap
              << "\n  last fetched " << time_or_never(s.last_fetched_at) << ", last success "
              << time_or_never(s.last_success_at) << "\n";
    if (s.last_result) std::cout << "  last result: " << *s.last_result << "\n";
    if (s.last_error) std::cout << "  last error: " << *s.last_error << "\n";
  }
  std::cout << list.size() << " subscription(s)\n";
  return 0;
}

}  // namespace

void add_domain_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto options = std::make_shared<DomainOptions>();
  auto* group = app.add_subcommand("domain", "Defederation: block, silence or allow whole servers");
  group->require_subcommand(1);
  add_config_option(*group, context);
  // The callbacks run after this function returns: they hold pointers to main's context and exit code.
  CommandContext* ctx = &context;
  int* code = &exit_code;
  auto command = [group, ctx, code, options](const char* name, const char* help,
                                              int (*body)(const CommandContext&, const DomainOptions&)) {
    auto* sub = group->add_subcommand(name, help);
    add_config_option(*sub, *ctx);
    sub->callback([ctx, code, options, body] { *code = run_command([&] { return body(*ctx, *options); }); });
    return sub;
  };

  auto* block_cmd = command("block", "Block a server (and its subdomains); updates an existing block", block);
  block_cmd->add_option("domain", options->domain, "Host name, e.g. threads.net")->required();
  block_cmd->add_option("--severity", options->severity, "suspend (default), silence or noop");
  block_cmd->add_flag("--reject-media", options->reject_media, "Store none of its media");
  block_cmd->add_flag("--reject-reports", options->reject_reports, "Ignore reports it sends");
  block_cmd->add_option("--public-comment", options->public_comment, "Reason shown on the public list");
  block_cmd->add_option("--private-comment", options->private_comment, "Note for moderators only");
  block_cmd->add_flag("--obfuscate", options->obfuscate, "Star out part of the name on the public list");

  auto* unblock_cmd = command("unblock", "Lift a block", unblock);
  unblock_cmd->add_option("domain", options->domain, "The blocked domain")->required();

  auto* list_cmd = command("list", "List blocks", list);
  list_cmd->add_flag("--json", options->json, "JSON output");

  auto* import_cmd = command("import", "Apply a block list (Mastodon CSV export or JSON); all or nothing", import);
  import_cmd->add_option("file", options->file, "CSV or JSON file, - for standard input")->required();
  import_cmd->add_option("--format", options->format, "csv or json (default: detected from the content)");

  auto* export_cmd = command("export", "Print the blocks as Mastodon's CSV (or JSON)", export_blocks);
  export_cmd->add_option("--format", options->format, "csv (default) or json");

  auto* allow_cmd = command("allow", "Add a server to the allow list (federation.mode = \"allowlist\")", allow);
  allow_cmd->add_option("domain", options->domain, "Host name")->required();

  auto* disallow_cmd = command("disallow", "Remove a server from the allow list", disallow);
  disallow_cmd->add_option("domain", options->domain, "Host name")->required();

  auto* allowed_cmd = command("allowed", "List the allow list", allowed);
  allowed_cmd->add_flag("--json", options->json, "JSON output");

  auto* subscribe_cmd =
      command("subscribe", "Follow a published block list (an instance's domain_blocks API or a CSV)", subscribe);
  subscribe_cmd->add_option("url", options->url, "URL of the list")->required();
  subscribe_cmd->add_option("--format", options->format, "csv or json (default: detected from the content)");
  subscribe_cmd->add_option("--severity-cap", options->severity_cap,
                            "The most a listed block may do: suspend (default), silence or noop");

  auto* unsubscribe_cmd = command("unsubscribe", "Stop following a block list and lift the blocks it set", unsubscribe);
  unsubscribe_cmd->add_option("url", options->url, "URL of the list")->required();

  auto* subscriptions_cmd = command("subscriptions", "List block list subscriptions with their last result", subscriptions);
  subscriptions_cmd->add_flag("--json", options->json, "JSON output");
  subscriptions_cmd->add_flag("--refresh", options->refresh, "Fetch every list now first");
}

}  // namespace vmst::cli
