#pragma once
// Processes stored inbox activities in the background, oldest first. One thread: activities from one sender are
// applied in the order they arrived, and the single writer is not contended by several processors.
// A failing activity is retried on later passes, up to kMaxAttempts, then left with its last error.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "federation/handlers/handler_context.hpp"

namespace vmst::federation {

class InboxProcessor {
 public:
  static constexpr int kMaxAttempts = 5;

  explicit InboxProcessor(HandlerContext context);
  ~InboxProcessor();

  void start();
  void stop();  // waits for the activity being processed to finish
  void wake();  // a new activity was stored

  // Processes what is pending now, on the calling thread. Returns how many activities were handled.
  int process_pending();

  // Work that must happen on a clock rather than on arrival (closing ended polls) runs on this thread between
  // passes, at most every `interval`: the thread already wakes every two seconds, so no thread of its own is needed.
  // Set before start().
  void set_periodic_task(std::function<void()> task, std::chrono::milliseconds interval);

 private:
  void run();
  void run_periodic_task();

  HandlerContext ctx_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool woken_ = false;
  std::atomic<bool> stopping_{false};
  std::function<void()> periodic_task_;
  std::chrono::milliseconds periodic_interval_{0};
  std::chrono::steady_clock::time_point periodic_last_run_{};
};

}  // namespace vmst::federation
