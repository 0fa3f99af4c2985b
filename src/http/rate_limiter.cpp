#include "http/rate_limiter.hpp"

#include <algorithm>

namespace vmst::http {

namespace {
constexpr int64_t kSweepEveryMs = 60 * 1000;
}

RateLimiter::RateLimiter(size_t max_buckets) : max_buckets_(max_buckets) {}

RateDecision RateLimiter::hit(std::string_view key, const RateLimit& limit, int64_t now_ms) {
  const int64_t window_ms = std::max<int64_t>(limit.window_ms, 1);
  const int64_t window_end = now_ms - (now_ms % window_ms) + window_ms;
  RateDecision decision;
  decision.limit = limit.limit;
  decision.reset_at = window_end;

  std::lock_guard lock(mutex_);
  if (now_ms >= next_sweep_ms_) sweep(now_ms);
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) {
    // A full table is swept at most once a second: sweeping on every new key of a flood would cost more than
    // the requests it limits.
    if (buckets_.size() >= max_buckets_ && now_ms >= next_full_sweep_ms_) {
      sweep(now_ms);
      next_full_sweep_ms_ = now_ms + 1000;
    }
    if (buckets_.size() >= max_buckets_) {
      decision.remaining = std::max(limit.limit - 1, 0);
      return decision;  // full of live buckets: let it through uncounted (see the header)
    }
    it = buckets_.emplace(std::string(key), Bucket{}).first;
  }
  Bucket& bucket = it->second;
  if (bucket.window_end != window_end) bucket = Bucket{window_end, 0};
  // Capped so a client hammering away cannot overflow the counter.
  if (bucket.count <= limit.limit) ++bucket.count;
  decision.allowed = bucket.count <= limit.limit;
  decision.remaining = std::max(limit.limit - bucket.count, 0);
  return decision;
}

size_t RateLimiter::bucket_count() const {
  std::lock_guard lock(mutex_);
  return buckets_.size();
}

void RateLimiter::sweep(int64_t now_ms) {
  std::erase_if(buckets_, [now_ms](const auto& entry) { return entry.second.window_end <= now_ms; });
  next_sweep_ms_ = now_ms + kSweepEveryMs;
}

}  // namespace vmst::http
