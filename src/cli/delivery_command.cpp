// vmst delivery status|retry|purge|enqueue: the outbound queue, usable while the server runs (same database; the
// server notices changes within delivery.poll_interval_ms and reloads host health every second).
#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command_context.hpp"
#include "delivery/enqueue.hpp"
#include "services/service_error.hpp"
#include "store/account_store.hpp"
#include "store/delivery_store.hpp"
#include "store/instance_health_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::cli {

namespace {

struct DeliveryCommandOptions {
  std::string domain;
  bool json = false;
  std::string from;
  std::vector<std::string> inboxes;
  std::string file;
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

std::string age(int64_t millis) {
  int64_t s = std::max<int64_t>(0, millis / 1000);
  std::ostringstream out;
  if (s >= 86400) out << s / 86400 << "d ";
  if (s >= 3600) out << (s % 86400) / 3600 << "h ";
  if (s >= 60) out << (s % 3600) / 60 << "m ";
  out << s % 60 << "s";
  return out.str();
}

services::ServiceError invalid(const std::string& message) {
  return services::ServiceError(services::ServiceError::Kind::Invalid, message);
}

int status(const CommandContext& context, const DeliveryCommandOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  const int64_t now = now_millis();
  store::DeliveryQueueStatus queue;
  std::vector<store::InstanceHealth> troubled;
  std::map<std::string, int64_t> counters;
  std::map<std::string, int64_t> queued_by_host;
  db->read([&](store::Connection& c) {
    queue = store::delivery_queue_status(c, now, 10);
    troubled = store::troubled_instances(c);
    counters = store::counters_with_prefix(c, "delivery.");
    for (const auto& h : troubled) queued_by_host[h.domain] = store::queued_jobs_for_host(c, h.domain);
  });
  std::vector<const store::InstanceHealth*> failing, unavailable;
  for (const auto& h : troubled) (h.unavailable_since ? unavailable : failing).push_back(&h);

  if (options.json) {
    nlohmann::json out;
    out["queued"] = queue.queued;
    out["due_now"] = queue.due_now;
    out["in_flight"] = queue.in_flight;
    out["dead"] = queue.dead;
    out["done"] = queue.done;
    out["oldest_waiting_age_seconds"] =
        queue.oldest_waiting_created_at ? nlohmann::json((now - *queue.oldest_waiting_created_at) / 1000) : nullptr;
    out["counters"] = nlohmann::json::object();
    for (const auto& [name, value] : counters) out["counters"][name.substr(9)] = value;
    auto host_json = [&](const store::InstanceHealth& h) {
      nlohmann::json j;
      j["domain"] = h.domain;
      j["consecutive_failures"] = h.consecutive_failures;
      j["breaker_open"] = h.breaker_open_until && *h.breaker_open_until > now;
      j["breaker_open_until"] = h.breaker_open_until ? nlohmann::json(format_iso8601_millis(*h.breaker_open_until)) : nullptr;
      j["failure_days"] = h.failure_days;
      j["unavailable_since"] = h.unavailable_since ? nlohmann::json(format_iso8601_millis(*h.unavailable_since)) : nullptr;
      j["queued"] = queued_by_host[h.domain];
      return j;
    };
    out["failing_hosts"] = nlohmann::json::array();
    for (const auto* h : failing) out["failing_hosts"].push_back(host_json(*h));
    out["unavailable_domains"] = nlohmann::json::array();
    for (const auto* h : unavailable) out["unavailable_domains"].push_back(host_json(*h));
    out["busiest_hosts"] = nlohmann::json::array();
    for (const auto& b : queue.busiest_hosts) out["busiest_hosts"].push_back({{"host", b.host}, {"queued", b.queued}});
    std::cout << out.dump(2) << "\n";
    return 0;
  }

  std::cout << "Queue\n";
  std::cout << "  queued       " << queue.queued << " (" << queue.due_now << " due now)\n";
  std::cout << "  in flight    " << queue.in_flight << "\n";
  std::cout << "  dead         " << queue.dead << " (given up, kept " << config.delivery.keep_finished_hours << " h)\n";
  std::cout << "  delivered    " << queue.done << " (kept " << config.delivery.keep_finished_hours << " h)\n";
  std::cout << "  oldest job   "
            << (queue.oldest_waiting_created_at ? age(now - *queue.oldest_waiting_created_at) : std::string("-")) << "\n";
  if (!queue.busiest_hosts.empty()) {
    std::cout << "  most queued  ";
    for (size_t i = 0; i < queue.busiest_hosts.size() && i < 5; ++i) {
      std::cout << (i ? ", " : "") << queue.busiest_hosts[i].host << " " << queue.busiest_hosts[i].queued;
    }
    std::cout << "\n";
  }
  std::cout << "\nCounters (since the database was created)\n ";
  if (counters.empty()) std::cout << " none yet";
  for (const auto& [name, value] : counters) std::cout << " " << name.substr(9) << "=" << value;
  std::cout << "\n\nFailing hosts (" << failing.size() << ")\n";
  if (!failing.empty()) {
    std::cout << "  " << std::left << std::setw(40) << "HOST" << std::setw(10) << "FAILURES" << std::setw(26)
              << "BREAKER OPEN UNTIL" << std::setw(8) << "QUEUED" << "LAST FAILURE\n";
    for (const auto* h : failing) {
      std::string open = h->breaker_open_until && *h->breaker_open_until > now ? format_iso8601_millis(*h->breaker_open_until)
                                                                                : "closed";
      std::cout << "  " << std::setw(40) << h->domain << std::setw(10) << h->consecutive_failures << std::setw(26)
                << open << std::setw(8) << queued_by_host[h->domain]
                << (h->last_failure_at ? format_iso8601_millis(*h->last_failure_at) : "-") << "\n";
    }
  }
  std::cout << "\nUnavailable domains (" << unavailable.size() << ")\n";
  for (const auto* h : unavailable) {
    std::cout << "  " << std::setw(40) << h->domain << " since " << format_iso8601_millis(*h->unavailable_since) << ", failed on "
              << h->failure_days.size() << " days\n";
  }
  return 0;
}

int retry(const CommandContext& context, const DeliveryCommandOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  const std::string domain = lower(options.domain);
  const int64_t now = now_millis();
  int64_t queued = 0;
  bool cleared = false;
  db->write([&](store::Connection& c) {
    cleared = store::clear_instance_failures(c, domain);
    store::retry_host_jobs(c, domain, now);
    queued = store::queued_jobs_for_host(c, domain);
  });
  std::cout << (cleared ? "Cleared the failures, breaker and unavailable mark of " : "No failures recorded for ")
            << domain << "; " << queued << " queued job(s) are due now.\n";
  return 0;
}

int purge(const CommandContext& context, const DeliveryCommandOptions& options) {
  app::Config config = context.load_config();
  auto db = context.open_database(config);
  const std::string domain = lower(options.domain);
  int deleted = db->write([&](store::Connection& c) {
    int n = store::purge_host_jobs(c, domain);
    store::add_counters(c, {{"delivery.purged", n}});
    return n;
  });
  std::cout << "Deleted " << deleted << " queued or dead job(s) for " << domain
            << " (requests already in flight finish).\n";
  return 0;
}

int enqueue(const CommandContext& context, const DeliveryCommandOptions& options) {
  app::Config config = context.load_config();
  std::string body;
  if (options.file == "-") {
    std::stringstream buffer;
    buffer << std::cin.rdbuf();
    body = buffer.str();
  } else {
    std::ifstream in(options.file, std::ios::binary);
    if (!in) throw invalid("cannot read " + options.file);
    std::stringstream buffer;
    buffer << in.rdbuf();
    body = buffer.str();
  }
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (!parsed.is_object()) throw invalid(options.file + " does not hold a JSON object");

  auto db = context.open_database(config);
  auto result = db->write([&](store::Connection& c) {
    auto sender = store::find_local_account_by_username(c, options.from);
    if (!sender || !sender->private_key_pem) throw invalid("no local account \"" + options.from + "\"");
    return delivery::enqueue_deliveries(c, sender->id, body, options.inboxes, now_millis());
  });
  std::cout << "Queued " << result.jobs << " delivery job(s)";
  if (result.outbound_activity_id) std::cout << " for activity " << result.outbound_activity_id;
  std::cout << ".\n";
  if (result.skipped_invalid) std::cout << "Skipped " << result.skipped_invalid << " invalid inbox URL(s).\n";
  if (result.skipped_suspended) std::cout << "Skipped " << result.skipped_suspended << " inbox(es) on suspended domains.\n";
  if (result.skipped_unavailable) {
    std::cout << "Skipped " << result.skipped_unavailable << " inbox(es) on unavailable domains.\n";
  }
  return result.jobs > 0 || options.inboxes.empty() ? 0 : kExitFailure;
}

}  // namespace

void add_delivery_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto options = std::make_shared<DeliveryCommandOptions>();
  auto* group = app.add_subcommand("delivery", "Inspect and steer the outbound delivery queue");
  group->require_subcommand(1);
  add_config_option(*group, context);

  auto* status_cmd = group->add_subcommand("status", "Queue depth, in flight, oldest job, failing and unavailable hosts");
  add_config_option(*status_cmd, context);
  status_cmd->add_flag("--json", options->json, "Print JSON");
  status_cmd->callback([&, options] { exit_code = run_command([&] { return status(context, *options); }); });

  auto* retry_cmd = group->add_subcommand("retry", "Clear a host's breaker and failures and run its queued jobs now");
  add_config_option(*retry_cmd, context);
  retry_cmd->add_option("domain", options->domain, "Host as the jobs name it (host or host:port)")->required();
  retry_cmd->callback([&, options] { exit_code = run_command([&] { return retry(context, *options); }); });

  auto* purge_cmd = group->add_subcommand("purge", "Delete a host's queued and dead jobs");
  add_config_option(*purge_cmd, context);
  purge_cmd->add_option("domain", options->domain, "Host as the jobs name it (host or host:port)")->required();
  purge_cmd->callback([&, options] { exit_code = run_command([&] { return purge(context, *options); }); });

  auto* enqueue_cmd = group->add_subcommand("enqueue", "Queue an activity (JSON file) for delivery to inboxes, signed by a local account");
  add_config_option(*enqueue_cmd, context);
  enqueue_cmd->add_option("--from", options->from, "Username of the local account that signs")->required();
  enqueue_cmd->add_option("--inbox", options->inboxes, "Inbox URL (repeat for several)")->required();
  enqueue_cmd->add_option("--file", options->file, "The activity JSON; - reads standard input")->required();
  enqueue_cmd->callback([&, options] { exit_code = run_command([&] { return enqueue(context, *options); }); });
}

}  // namespace vmst::cli
