#pragma once
// The remote media cache's work queue and its threads: copies of remote files are made here, never on the thread
// that noticed them (the inbox processor storing a status, an HTTP worker verifying a signer). Whoever notices a
// file calls request() and goes on; a few worker threads take the jobs oldest first.
//
// Ownership: the App owns the one queue of the server and starts it after the database is open; stop() joins the
// workers (each finishes the fetch in hand, bounded by the fetch timeout) before the database closes. The CLI has
// no queue: `vmst media prune` only forgets copies, and the server fetches them again on demand.
//
// The queue is bounded and in memory: what does not fit, or is lost at shutdown, is fetched again when a client
// first asks for it (/media_proxy), so nothing needs to survive a restart.
#include <chrono>
#include <compare>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "services/recent_fetch_failures.hpp"

namespace vmst::services {

// One file to copy: what it belongs to, and the row's id.
struct RemoteMediaJob {
  enum class Kind { Attachment, Avatar, Header, Emoji };
  Kind kind = Kind::Attachment;
  int64_t id = 0;  // media_attachments.id, accounts.id (avatar, header) or custom_emojis.id
  auto operator<=>(const RemoteMediaJob&) const = default;
};

struct RemoteMediaQueueOptions {
  int workers = 2;
  std::size_t max_queued = 1000;
  FetchBackoffOptions backoff = {};
};

class RemoteMediaQueue {
 public:
  // Runs one job on a worker thread; exceptions are caught and logged by the queue.
  using Runner = std::function<void(const RemoteMediaJob&)>;

  RemoteMediaQueue(Runner runner, RemoteMediaQueueOptions options);
  ~RemoteMediaQueue();  // stops

  void start();
  // Waits for the jobs in hand; queued ones are dropped.
  void stop();

  // Queues the job; false when it is queued or running already, the queue is full, or the queue is stopped.
  bool request(const RemoteMediaJob& job);

  // For a client waiting on the file: queues the job ahead of the others (even when the queue is full: such
  // requests are bounded by the HTTP threads) or joins the run in progress, and waits up to `wait` for it to
  // finish. True when it finished in time; false on timeout or when stopped (or never started).
  bool run_and_wait(const RemoteMediaJob& job, std::chrono::milliseconds wait);

  // Runs every queued job on the calling thread (tests and tools without workers). Returns how many ran.
  int run_pending();

  std::size_t queued() const;

  // The URLs that failed lately, which neither the jobs nor the media proxy fetch again before their back-off ends.
  RecentFetchFailures& failures() { return failures_; }

 private:
  void work();
  void run_one(const RemoteMediaJob& job);
  std::optional<RemoteMediaJob> take_locked();

  Runner runner_;
  RemoteMediaQueueOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wakeup_;    // a job was queued, or stop
  std::condition_variable finished_;  // a job finished
  std::deque<RemoteMediaJob> queue_;
  std::set<RemoteMediaJob> pending_;  // queued or running: a job is never in the queue twice
  bool running_ = false;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
  RecentFetchFailures failures_;
};

}  // namespace vmst::services
