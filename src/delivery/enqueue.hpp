#pragma once
// The delivery queue's entry points for the rest of the server. Both run inside the caller's write transaction
// (store::Database::write), on the caller's thread, and touch only the database: the running DeliveryEngine picks
// the jobs up (call DeliveryEngine::wake() after the commit to skip the poll delay).
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::delivery {

struct EnqueueResult {
  int64_t outbound_activity_id = 0;  // 0 when no job was created
  int jobs = 0;
  int skipped_invalid = 0;      // not an absolute http(s) URL
  int skipped_suspended = 0;    // host under a suspending domain block, or not allowed in allowlist mode
  int skipped_unavailable = 0;  // host marked unavailable (failed on 7 distinct days)
};

// Stores the body once in outbound_activities and one delivery_jobs row per distinct inbox URL (duplicates
// removed), due now, in the fair lane: this fan-out's jobs interleave with those of fan-outs already waiting.
// Inboxes on suspended or unavailable domains get no job. `sender_account_id` is the local account whose key
// signs. Durable exactly when the caller's transaction commits.
EnqueueResult enqueue_deliveries(store::Connection& c, int64_t sender_account_id, const std::string& activity_json,
                                 const std::vector<std::string>& inbox_urls, int64_t now_millis);

// The contract the inbox processor calls: enqueue_deliveries without the report.
void enqueue(store::Connection& c, int64_t sender_account_id, const std::string& activity_json,
             const std::vector<std::string>& inbox_urls, int64_t now_millis);

// A signed inbox POST from `domain` (host[:port] of the verified signer) arrived: the server is alive, so its
// circuit breaker, failure days and unavailable mark are cleared. Free when the domain has none of them.
void record_inbound_success(store::Connection& c, const std::string& domain);

}  // namespace vmst::delivery
