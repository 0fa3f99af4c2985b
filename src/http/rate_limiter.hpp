#pragma once
// Request counting in fixed windows, as Rack::Attack (Mastodon's limiter) does it: a window of `window_ms` starts
// at every multiple of window_ms since the epoch, and each key may make `limit` requests in it. Clients see when
// the window ends (X-RateLimit-Reset), so the simple scheme is also the predictable one.
//
// In memory, behind one mutex: a single process serves the instance. Memory is bounded by max_buckets; buckets of
// finished windows are swept once a minute and whenever the table is full. If a flood of distinct keys still
// fills it within one window, new keys are let through uncounted until a sweep frees room: this limiter protects
// the service from one client, not from a distributed flood, and must not become the way to take it down.
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vmst::http {

struct RateLimit {
  int limit = 300;
  int64_t window_ms = 5 * 60 * 1000;
};

struct RateDecision {
  bool allowed = true;
  int limit = 0;
  int remaining = 0;       // requests left in this window after this one
  int64_t reset_at = 0;    // end of the window, milliseconds since the epoch
};

class RateLimiter {
 public:
  explicit RateLimiter(size_t max_buckets = 100000);

  // Counts one request by `key` (which should name the rule as well, e.g. "api:ip:1.2.3.4").
  RateDecision hit(std::string_view key, const RateLimit& limit, int64_t now_ms);

  size_t bucket_count() const;

 private:
  struct Bucket {
    int64_t window_end = 0;
    int count = 0;
  };
  void sweep(int64_t now_ms);  // with mutex_ held

  const size_t max_buckets_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  int64_t next_sweep_ms_ = 0;
  int64_t next_full_sweep_ms_ = 0;
};

}  // namespace vmst::http
