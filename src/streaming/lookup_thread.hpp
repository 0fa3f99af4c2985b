#pragma once
// One thread for the injected checks that read the database (token lookup, list ownership), so the io thread, which
// serves every open stream, never waits for SQLite or for a free reader connection. A lookup's continuation is posted
// back to the io thread.
//
// Threads: run() may be called from any thread; the lookups themselves run one at a time, in order.
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <exception>
#include <optional>
#include <thread>
#include <utility>

#include <spdlog/spdlog.h>

namespace vmst::streaming {

class LookupThread {
 public:
  LookupThread() = default;
  LookupThread(const LookupThread&) = delete;
  LookupThread& operator=(const LookupThread&) = delete;
  ~LookupThread() { stop(); }

  void start();
  // Finishes the lookup in progress; queued ones are dropped (their continuations never run).
  void stop();

  // Runs lookup() here, then then(result) on `back`. A lookup that throws gives nullopt (and is logged).
  template <class Lookup, class Executor, class Then>
  void run(Lookup lookup, const Executor& back, Then then) {
    boost::asio::post(context_, [lookup = std::move(lookup), back, then = std::move(then)]() mutable {
      std::optional<decltype(lookup())> result;
      try {
        result.emplace(lookup());
      } catch (const std::exception& e) {
        spdlog::error("streaming: lookup failed: {}", e.what());
      }
      boost::asio::post(back, [then = std::move(then), result = std::move(result)]() mutable {
        then(std::move(result));
      });
    });
  }

 private:
  boost::asio::io_context context_{1};
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
  std::thread thread_;
};

}  // namespace vmst::streaming
