#include "services/blocklist_subscriptions.hpp"

#include <spdlog/spdlog.h>

#include "convert/mastodon/domain_block_list.hpp"
#include "net/url.hpp"
#include "services/domain_blocks.hpp"
#include "services/domain_media_clear.hpp"
#include "services/domain_purge.hpp"
#include "services/service_error.hpp"

namespace vmst::services {

namespace {

// Block lists are small text files; a generous cap still keeps a hostile URL from filling memory.
constexpr size_t kMaxListBytes = 8 * 1024 * 1024;

std::string describe(const DomainBlockImport& r) {
  std::string out = std::to_string(r.created) + " new, " + std::to_string(r.updated) + " updated, " +
                    std::to_string(r.unchanged) + " unchanged, " + std::to_string(r.removed) + " removed";
  if (!r.skipped.empty()) out += ", " + std::to_string(r.skipped.size()) + " skipped";
  return out;
}

}  // namespace

store::BlocklistSubscription subscribe_blocklist(store::Database& db, const std::string& url,
                                                 const std::string& format, const std::string& severity_cap,
                                                 int64_t now) {
  auto parsed = net::parse_url(url);
  if (!parsed || (parsed->scheme != "http" && parsed->scheme != "https")) {
    throw ServiceError(ServiceError::Kind::Invalid, "\"" + url + "\" is not an http(s) URL");
  }
  if (format != "auto" && format != "csv" && format != "json") {
    throw ServiceError(ServiceError::Kind::Invalid, "--format must be csv or json, not \"" + format + "\"");
  }
  if (severity_cap != "noop" && severity_cap != "silence" && severity_cap != "suspend") {
    throw ServiceError(ServiceError::Kind::Invalid,
                       "--severity-cap must be noop, silence or suspend, not \"" + severity_cap + "\"");
  }
  return db.write([&](store::Connection& c) {
    store::BlocklistSubscription s;
    s.url = url;
    s.format = format;
    s.severity_cap = severity_cap;
    s.created_at = now;
    store::upsert_blocklist_subscription(c, s);
    return *store::find_blocklist_subscription(c, url);
  });
}

int unsubscribe_blocklist(store::Database& db, const std::string& url) {
  return db.write([&](store::Connection& c) {
    auto s = store::find_blocklist_subscription(c, url);
    if (!s) throw ServiceError(ServiceError::Kind::NotFound, "no subscription to " + url);
    auto domains = store::domains_blocked_by_subscription(c, s->id);
    for (const auto& domain : domains) remove_domain_block(c, domain);
    store::delete_blocklist_subscription(c, s->id);
    return static_cast<int>(domains.size());
  });
}

BlocklistRefresh refresh_blocklist(store::Database& db, const net::NetPolicy& policy,
                                   const federation::EnqueueDelivery& enqueue, const std::filesystem::path& media_root,
                                   const store::BlocklistSubscription& subscription, int64_t now) {
  BlocklistRefresh out;
  auto fail = [&](const std::string& why) {
    out.summary = why;
    db.write([&](store::Connection& c) { store::record_blocklist_fetch(c, subscription.id, now, std::nullopt, why, ""); });
    spdlog::warn("block list {}: {}", subscription.url, why);
    return out;
  };

  net::FetchRequest request;
  request.url = subscription.url;
  request.headers.emplace("Accept", "application/json, text/csv;q=0.9, text/plain;q=0.8");
  if (subscription.etag) request.headers.emplace("If-None-Match", *subscription.etag);
  request.max_body_bytes = kMaxListBytes;
  net::FetchResponse response;
  try {
    response = net::fetch(policy, request);
  } catch (const net::FetchError& e) {
    return fail(std::string("fetch failed: ") + e.what());
  }
  if (response.status == 304) {
    out.ok = true;
    out.summary = "not modified";
    db.write([&](store::Connection& c) {
      store::record_blocklist_fetch(c, subscription.id, now, subscription.etag, "", subscription.last_result.value_or(""));
    });
    return out;
  }
  if (response.status != 200) return fail("the server answered " + std::to_string(response.status));

  std::vector<convert::mastodon::ListedDomainBlock> entries;
  try {
    bool json = subscription.format == "auto" ? convert::mastodon::looks_like_json(response.body)
                                              : subscription.format == "json";
    entries = json ? convert::mastodon::parse_domain_block_json(response.body)
                   : convert::mastodon::parse_domain_block_csv(response.body);
  } catch (const convert::mastodon::DomainBlockListError& e) {
    return fail(std::string("unreadable list: ") + e.what());
  }

  Outbox outbox(enqueue);
  std::optional<std::string> etag;
  if (auto value = response.header("ETag"); !value.empty()) etag = value;
  DomainBlockImport result = db.write([&](store::Connection& c) {
    auto applied = apply_subscribed_blocks(c, outbox, subscription.id, subscription.severity_cap, entries, now);
    store::record_blocklist_fetch(c, subscription.id, now, etag, "", describe(applied));
    return applied;
  });
  // The purge of a new suspension runs now, each batch a transaction of its own.
  if (result.effects.purge_started) {
    auto purged = run_pending_purges(db, media_root);
    spdlog::info("block list {}: purged {} account(s) and {} status(es)", subscription.url, purged.accounts,
                 purged.statuses);
  }
  if (result.effects.media_clear_started) {
    auto cleared = run_pending_media_clears(db, media_root);
    spdlog::info("block list {}: deleted {} cached media file(s)", subscription.url, cleared.files);
  }
  out.ok = true;
  out.summary = describe(result);
  out.queued_deliveries = outbox.sent();
  for (const auto& skipped : result.skipped) spdlog::info("block list {}: skipped {}", subscription.url, skipped);
  return out;
}

bool refresh_due_blocklists(store::Database& db, const net::NetPolicy& policy,
                            const federation::EnqueueDelivery& enqueue, const std::filesystem::path& media_root,
                            int64_t interval_ms, int64_t now) {
  auto due = db.read([&](store::Connection& c) { return store::due_blocklist_subscriptions(c, now - interval_ms); });
  bool queued = false;
  for (const auto& subscription : due) {
    auto result = refresh_blocklist(db, policy, enqueue, media_root, subscription, now);
    if (result.ok && result.summary != "not modified") {
      spdlog::info("block list {}: {}", subscription.url, result.summary);
    }
    queued = queued || result.queued_deliveries;
  }
  return queued;
}

}  // namespace vmst::services
