#include "services/remote_media_queue.hpp"

#include <spdlog/spdlog.h>

#include <exception>
#include <utility>

#include "concurrency/work_slots.hpp"

namespace vmst::services {

RemoteMediaQueue::RemoteMediaQueue(Runner runner, RemoteMediaQueueOptions options)
    : runner_(std::move(runner)), options_(options), failures_(options.backoff) {}

RemoteMediaQueue::~RemoteMediaQueue() { stop(); }

void RemoteMediaQueue::start() {
  std::lock_guard lock(mutex_);
  if (running_) return;
  running_ = true;
  stopping_ = false;
  for (int i = 0; i < options_.workers; ++i) workers_.emplace_back([this] { work(); });
}

void RemoteMediaQueue::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    // Jobs not started are dropped; their files are fetched on demand after the restart.
    for (const auto& job : queue_) pending_.erase(job);
    queue_.clear();
  }
  wakeup_.notify_all();
  finished_.notify_all();
  for (auto& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
  workers_.clear();
  std::lock_guard lock(mutex_);
  running_ = false;
}

bool RemoteMediaQueue::request(const RemoteMediaJob& job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= options_.max_queued || pending_.count(job)) return false;
    pending_.insert(job);
    queue_.push_back(job);
  }
  wakeup_.notify_one();
  return true;
}

bool RemoteMediaQueue::run_and_wait(const RemoteMediaJob& job, std::chrono::milliseconds wait) {
  // The proxy's request gives its work slot up while a worker makes the copy. Declared before the lock, so that the
  // slot is asked for again only after the lock is released.
  concurrency::StepAside waiting_on_worker;
  std::unique_lock lock(mutex_);
  if (stopping_ || !running_) return false;
  if (pending_.insert(job).second) {
    queue_.push_front(job);
    wakeup_.notify_one();
  } else {
    // Queued behind others: move it to the front (it may be running already, then it is not in the queue).
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
      if (*it == job) {
        queue_.erase(it);
        queue_.push_front(job);
        break;
      }
    }
  }
  return finished_.wait_for(lock, wait, [&] { return stopping_ || !pending_.count(job); }) && !pending_.count(job);
}

int RemoteMediaQueue::run_pending() {
  int ran = 0;
  while (true) {
    std::optional<RemoteMediaJob> job;
    {
      std::lock_guard lock(mutex_);
      job = take_locked();
    }
    if (!job) return ran;
    run_one(*job);
    ++ran;
  }
}

std::size_t RemoteMediaQueue::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

std::optional<RemoteMediaJob> RemoteMediaQueue::take_locked() {
  if (queue_.empty()) return std::nullopt;
  auto job = queue_.front();
  queue_.pop_front();
  return job;
}

void RemoteMediaQueue::run_one(const RemoteMediaJob& job) {
  try {
    runner_(job);
  } catch (const std::exception& e) {
    spdlog::warn("remote media: copying {} failed: {}", job.id, e.what());
  }
  {
    std::lock_guard lock(mutex_);
    pending_.erase(job);
  }
  finished_.notify_all();
}

void RemoteMediaQueue::work() {
  while (true) {
    std::optional<RemoteMediaJob> job;
    {
      std::unique_lock lock(mutex_);
      wakeup_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = take_locked();
    }
    if (job) run_one(*job);
  }
}

}  // namespace vmst::services
