#pragma once
// SQL for the outbound delivery queue: outbound_activities (one body per fan-out), delivery_jobs (one row per
// inbox), the delivery counters, and the one accounts update a delivery causes (a 410 marks the actor gone).
// See schema/0002_delivery.sql for the two lanes (fresh jobs in fair order, retries by time).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

void insert_outbound_activity(Connection& c, int64_t id, int64_t sender_account_id, const std::string& body,
                              int64_t now);

struct NewDeliveryJob {
  int64_t id;
  std::string inbox_url;
  std::string host;
  int64_t fair_order;
};

// Inserts queued jobs, due at `now`, in the fresh lane.
void insert_delivery_jobs(Connection& c, int64_t outbound_activity_id, const std::vector<NewDeliveryJob>& jobs,
                          int64_t now);

// The head of the fresh lane: the lowest fair_order still waiting, or 0 when none waits. A new fan-out numbers its
// jobs from here, so it interleaves one for one with the fan-outs already waiting.
int64_t fresh_lane_head(Connection& c);

struct ClaimedJob {
  int64_t id = 0;
  int64_t outbound_activity_id = 0;
  std::string inbox_url;
  std::string host;
  int attempts = 0;                   // attempts made before this one
  std::optional<int64_t> fair_order;  // set for a job from the fresh lane
  int64_t next_attempt_at = 0;
};

// Marks up to `limit` due jobs in_flight and returns them in the order they should run: due retries (timed lane,
// oldest due first), then the fresh lane in fair order. Jobs of `skip_hosts` stay queued (the caller already holds
// enough of theirs).
std::vector<ClaimedJob> claim_due_jobs(Connection& c, int64_t now, int limit, const std::vector<std::string>& skip_hosts);

// The earliest next_attempt_at of a waiting retry, if any (when to look again).
std::optional<int64_t> next_retry_due(Connection& c);

struct OutboundActivity {
  int64_t id = 0;
  std::optional<int64_t> sender_account_id;
  std::string body;
};
std::optional<OutboundActivity> find_outbound_activity(Connection& c, int64_t id);

// The outcome of one attempt, as it is written back.
struct JobUpdate {
  enum class State { Done, Queued, Dead };
  int64_t job_id = 0;
  State state = State::Done;
  int attempts = 0;                   // total attempts made so far
  int64_t next_attempt_at = 0;        // Queued only
  std::optional<int64_t> fair_order;  // Queued only: kept when a job goes back unattempted (shutdown)
  std::optional<int> last_status;     // HTTP status, 0 for network errors; unset when no request was made
  std::optional<std::string> last_error;
};

// Applies the updates to jobs that are still in_flight (a job purged meanwhile stays purged).
void apply_job_updates(Connection& c, const std::vector<JobUpdate>& updates, int64_t now);

// Puts every in_flight job back in the queue: the jobs of a run that crashed or stopped mid-request. Returns how
// many. Jobs keep their lane and place.
int requeue_in_flight_jobs(Connection& c, int64_t now);

// Moves a host's waiting jobs to the timed lane at `until` (its circuit breaker opened). Returns how many.
int defer_host_jobs(Connection& c, const std::string& host, int64_t until, int64_t now);

// Adds to counters (created at 0 when missing).
void add_counters(Connection& c, const std::map<std::string, int64_t>& increments);
std::map<std::string, int64_t> counters_with_prefix(Connection& c, const std::string& prefix);

// Marks the remote actors whose personal inbox is `inbox_url` as gone (they answered 410). Returns how many.
int mark_actors_gone_by_inbox(Connection& c, const std::string& inbox_url, int64_t now);

// Deletes up to `limit` done or dead jobs last updated before `cutoff`, then the activities left without jobs.
// Returns how many jobs were deleted.
int prune_finished_jobs(Connection& c, int64_t cutoff, int limit);

// ---- admin view and actions (vmst delivery ...) ----

struct HostQueueCount {
  std::string host;
  int64_t queued = 0;
};

struct DeliveryQueueStatus {
  int64_t queued = 0;
  int64_t due_now = 0;
  int64_t in_flight = 0;
  int64_t dead = 0;
  int64_t done = 0;
  std::optional<int64_t> oldest_waiting_created_at;  // queued or in_flight
  std::vector<HostQueueCount> busiest_hosts;          // most queued jobs first
};
DeliveryQueueStatus delivery_queue_status(Connection& c, int64_t now, int top_hosts);

int64_t queued_jobs_for_host(Connection& c, const std::string& host);

// Makes a host's waiting jobs due now (timed lane). Returns how many.
int retry_host_jobs(Connection& c, const std::string& host, int64_t now);

// Deletes a host's queued and dead jobs (in-flight ones finish). Returns how many.
int purge_host_jobs(Connection& c, const std::string& host);

}  // namespace vmst::store
