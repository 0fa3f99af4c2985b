#pragma once
// SQL for block list subscriptions: published domain block lists vmst fetches on a schedule and applies.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct BlocklistSubscription {
  int64_t id = 0;
  std::string url;
  std::string format = "auto";          // auto | csv | json
  std::string severity_cap = "suspend"; // noop | silence | suspend
  std::optional<std::string> etag;
  std::optional<int64_t> last_fetched_at;
  std::optional<int64_t> last_success_at;
  std::optional<std::string> last_error;
  std::optional<std::string> last_result;
  int64_t created_at = 0;
};

// Inserts, or updates the format and cap of the subscription to the same URL. Returns its id.
int64_t upsert_blocklist_subscription(Connection& c, const BlocklistSubscription& s);
std::optional<BlocklistSubscription> find_blocklist_subscription(Connection& c, const std::string& url);
std::vector<BlocklistSubscription> list_blocklist_subscriptions(Connection& c);
// Deletes the subscription; the blocks it created lose their link (ON DELETE SET NULL) unless removed first.
bool delete_blocklist_subscription(Connection& c, int64_t id);
// Subscriptions never fetched, or last fetched before `fetched_before`.
std::vector<BlocklistSubscription> due_blocklist_subscriptions(Connection& c, int64_t fetched_before);

// After a fetch: on success `error` is empty and `result` describes what changed.
void record_blocklist_fetch(Connection& c, int64_t id, int64_t now, const std::optional<std::string>& etag,
                            const std::string& error, const std::string& result);

// Domains of the blocks this subscription created.
std::vector<std::string> domains_blocked_by_subscription(Connection& c, int64_t id);

}  // namespace vmst::store
