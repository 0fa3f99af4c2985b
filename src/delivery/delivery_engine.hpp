#pragma once
// The delivery engine: sends queued delivery jobs (see delivery/enqueue.hpp) to remote inboxes, signed at send time,
// and writes each outcome back: done, retry at T, or dead.
//
// Threads (all started by start(), all joined by stop()):
//   dispatcher  the only thread that touches the database for the engine. It claims due jobs in batches (marking
//               them in_flight), loads their activity bodies and sender keys, hands them to the workers through
//               the DispatchQueue, and writes the workers' results back in batches (one transaction per
//               flush_interval_ms or 128 results), updating host health, counters and breakers in the same
//               transaction. Every second it reloads the health of troubled hosts, so `vmst delivery retry` and
//               inbound successes recorded elsewhere take effect; every minute it prunes finished jobs.
//   workers     options.workers threads. Each takes the first waiting job whose host has a free slot, signs it
//               (fresh Date), POSTs it over a keep-alive connection checked out of HostConnections (owned by that
//               worker until checked back in), classifies the answer and queues the result for the dispatcher.
//               Nothing they run throws out of the thread.
// Shared state (the DispatchQueue, the result list, the health of troubled hosts) is guarded by one mutex, held
// only for queue operations, never across I/O.
//
// Durability: a job is only ever in_flight while this process works on it. stop() writes back every result, puts
// unsent claimed jobs back in their place, and waits stop_grace_ms for requests in flight before abandoning them
// (their sockets are shut down; their jobs go back unattempted). After a crash, start() re-queues whatever the
// dead run left in_flight: at least once, with duplicates only for requests that were in flight at the crash.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "delivery/attempt_outcome.hpp"
#include "delivery/delivery_options.hpp"
#include "delivery/dispatch_queue.hpp"
#include "delivery/host_connections.hpp"
#include "net/http_fetcher.hpp"
#include "store/database.hpp"
#include "store/instance_health_store.hpp"

namespace vmst::delivery {

class DeliveryEngine {
 public:
  DeliveryEngine(store::Database& db, net::NetPolicy policy, DeliveryOptions options);
  ~DeliveryEngine();  // stops
  DeliveryEngine(const DeliveryEngine&) = delete;
  DeliveryEngine& operator=(const DeliveryEngine&) = delete;

  // Re-queues jobs a previous run left in_flight, then starts the threads. Throws StoreError if the database
  // cannot be written.
  void start();
  // Finishes or abandons in-flight requests within about stop_grace_ms, writes every outcome back and joins the
  // threads. Idempotent; callable from any thread but the engine's own.
  void stop();
  // New jobs were committed: look now instead of at the next poll. Any thread.
  void wake();

  // Connections opened so far (a measure of keep-alive reuse, for tests and the benchmark).
  size_t connections_opened() const { return connections_.opened_count(); }

 private:
  struct Finished {
    store::ClaimedJob job;
    AttemptResult result;
  };

  void dispatcher_main();
  void worker_main();
  AttemptResult send(const QueuedJob& queued);
  HostGate gate_for(const std::string& host, int64_t now) const;           // under mutex_
  void note_host_effect(const std::string& host, HostEffect effect, int64_t now);  // under mutex_

  // Dispatcher-only helpers.
  size_t claim(int count, const std::vector<std::string>& crowded_hosts);  // returns how many were claimed
  void record(std::vector<Finished>& finished);
  void refresh_health();
  void prune();

  store::Database& db_;
  const net::NetPolicy policy_;
  const DeliveryOptions options_;
  HostConnections connections_;

  mutable std::mutex mutex_;
  std::condition_variable work_cv_;        // workers: a job was added, a host slot freed, or stopping
  std::condition_variable dispatcher_cv_;  // dispatcher: results to write, wake(), or stopping
  std::condition_variable finished_cv_;    // stop(): a request ended
  DispatchQueue queue_;
  std::vector<Finished> results_;
  std::chrono::steady_clock::time_point first_result_at_;
  std::unordered_map<std::string, store::InstanceHealth> troubled_;  // hosts with failures, open breakers, unavailable
  bool running_ = false;
  bool stopping_ = false;
  bool workers_done_ = false;
  bool wake_requested_ = false;
  bool starved_ = false;  // a worker found jobs waiting but none it may send
  std::unordered_set<std::string> proven_hosts_;  // answered well since start: past slow start
  std::atomic<bool> aborting_{false};

  std::thread dispatcher_;
  std::vector<std::thread> workers_;

  // Owned by the dispatcher thread.
  struct CachedActivity {
    std::weak_ptr<const ActivityPayload> payload;  // alive while a job of the activity is in memory
    std::optional<int64_t> sender_account_id;
  };
  std::unordered_map<int64_t, CachedActivity> activities_;
  std::unordered_map<int64_t, std::shared_ptr<const SenderKey>> keys_;
  int64_t keys_loaded_at_ = 0;
  std::unordered_map<std::string, int64_t> success_written_at_;
  std::vector<Finished> unrecorded_;  // results whose write failed, retried with the next flush
  std::mt19937_64 rng_{std::random_device{}()};
};

}  // namespace vmst::delivery
