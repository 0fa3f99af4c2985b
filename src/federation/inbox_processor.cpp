#include "federation/inbox_processor.hpp"

#include <spdlog/spdlog.h>

#include "federation/activity_dispatch.hpp"
#include "store/inbox_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::federation {

InboxProcessor::InboxProcessor(HandlerContext context) : ctx_(std::move(context)) {}

InboxProcessor::~InboxProcessor() { stop(); }

void InboxProcessor::start() {
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void InboxProcessor::stop() {
  stopping_ = true;
  wake();
  if (thread_.joinable()) thread_.join();
}

void InboxProcessor::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wakeup_.notify_one();
}

int InboxProcessor::process_pending() {
  auto pending = ctx_.db.read([](store::Connection& c) { return store::pending_inbox_activities(c, 100, kMaxAttempts); });
  int handled = 0;
  for (const auto& item : pending) {
    if (stopping_) break;
    try {
      auto activity = nlohmann::json::parse(item.body);
      auto actor = ctx_.resolver.by_uri(item.actor_uri);
      dispatch_activity(ctx_, activity, actor, now_millis());
      ctx_.db.write([&](store::Connection& c) { store::mark_inbox_activity_processed(c, item.id, now_millis()); });
      ++handled;
    } catch (const std::exception& e) {
      spdlog::warn("inbox: activity {} failed (attempt {}): {}", item.activity_uri.value_or("(no id)"),
                   item.attempts + 1, e.what());
      try {
        ctx_.db.write([&](store::Connection& c) { store::record_inbox_activity_failure(c, item.id, e.what()); });
      } catch (const std::exception& again) {
        spdlog::error("inbox: cannot record the failure: {}", again.what());
      }
    }
  }
  return handled;
}

void InboxProcessor::set_periodic_task(std::function<void()> task, std::chrono::milliseconds interval) {
  periodic_task_ = std::move(task);
  periodic_interval_ = interval;
}

void InboxProcessor::run_periodic_task() {
  if (!periodic_task_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - periodic_last_run_ < periodic_interval_) return;
  periodic_last_run_ = now;
  try {
    periodic_task_();
  } catch (const std::exception& e) {
    spdlog::error("inbox processor: periodic task: {}", e.what());
  }
}

void InboxProcessor::run() {
  while (!stopping_) {
    run_periodic_task();
    int handled = 0;
    try {
      handled = process_pending();
    } catch (const std::exception& e) {
      // Nothing may escape this thread; a database error here is retried on the next pass.
      spdlog::error("inbox processor: {}", e.what());
    }
    if (handled > 0) continue;
    std::unique_lock lock(mutex_);
    // Failed activities are retried on this timer; new ones arrive with wake().
    wakeup_.wait_for(lock, std::chrono::seconds(2), [this] { return woken_ || stopping_.load(); });
    woken_ = false;
  }
}

}  // namespace vmst::federation
