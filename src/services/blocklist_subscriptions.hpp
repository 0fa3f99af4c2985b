#pragma once
// Subscriptions to published domain block lists (another instance's /api/v1/instance/domain_blocks, or a CSV as
// Mastodon exports it), fetched on a schedule and applied through services/domain_blocks: a subscribed list never
// overrides a block the admin set by hand, its severities are capped, and blocks it set that it no longer lists are
// lifted.
//
// Fetches run on the caller's thread and block it for at most the fetch timeout: the CLI, or the server's inbox
// processor thread between passes (App wires refresh_due_blocklists as a periodic task).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "federation/handlers/handler_context.hpp"
#include "net/http_fetcher.hpp"
#include "store/blocklist_subscription_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

// Stores (or updates) a subscription. Throws ServiceError(Invalid) for a URL that is not http(s), a format other
// than auto/csv/json, or a cap other than noop/silence/suspend.
store::BlocklistSubscription subscribe_blocklist(store::Database& db, const std::string& url,
                                                 const std::string& format, const std::string& severity_cap,
                                                 int64_t now);

// Removes the subscription and lifts the blocks it set. Returns how many. Throws ServiceError(NotFound).
int unsubscribe_blocklist(store::Database& db, const std::string& url);

struct BlocklistRefresh {
  bool ok = false;
  std::string summary;  // what changed, or why it failed
  bool queued_deliveries = false;
};

// Fetches one list (conditionally, with its ETag) and applies it; records the outcome on the subscription.
// Purged media files are removed from `media_root` after the commit. Never throws for network or list errors:
// they are the result.
BlocklistRefresh refresh_blocklist(store::Database& db, const net::NetPolicy& policy,
                                   const federation::EnqueueDelivery& enqueue, const std::filesystem::path& media_root,
                                   const store::BlocklistSubscription& subscription, int64_t now);

// Refreshes every subscription last fetched more than `interval_ms` ago. Returns true when deliveries were queued
// (the caller wakes the delivery engine).
bool refresh_due_blocklists(store::Database& db, const net::NetPolicy& policy,
                            const federation::EnqueueDelivery& enqueue, const std::filesystem::path& media_root,
                            int64_t interval_ms, int64_t now);

}  // namespace vmst::services
