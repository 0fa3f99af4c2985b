#pragma once
// The remote media cache's memory of origins that just failed: a URL whose fetch failed is not fetched again until
// its back-off ends (1 minute after the first failure, doubling with each further one up to 1 hour), so neither
// /media_proxy requests nor queued jobs hammer a server that is down or a file that is not there. A success
// forgets the URL.
//
// In memory only, and bounded: at most `capacity` URLs, the one that failed longest ago dropped first (forgetting
// it costs one more fetch). Thread-safe: the queue's workers and the HTTP threads share one.
#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace vmst::services {

struct FetchBackoffOptions {
  std::size_t capacity = 4096;
  std::chrono::milliseconds first_wait{std::chrono::minutes(1)};
  std::chrono::milliseconds max_wait{std::chrono::hours(1)};
};

class RecentFetchFailures {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RecentFetchFailures(FetchBackoffOptions options = {});

  // True while `url` failed recently enough that it should not be fetched again yet.
  bool backing_off(const std::string& url, Clock::time_point now = Clock::now()) const;
  // Records a failed fetch of `url`: the wait before the next try doubles with each consecutive failure.
  void record_failure(const std::string& url, Clock::time_point now = Clock::now());
  // A fetch of `url` worked: it is forgotten.
  void record_success(const std::string& url);

  std::size_t size() const;

 private:
  struct Entry {
    int failures = 0;
    Clock::time_point retry_at;
    std::list<std::string>::iterator age;  // its place in oldest_
  };

  FetchBackoffOptions options_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> oldest_;  // URLs by their last failure, the oldest first
};

}  // namespace vmst::services
