#include "http/rate_limiter.hpp"

#include <catch2/catch.hpp>
#include <atomic>
#include <thread>
#include <vector>

using namespace vmst::http;

namespace {
constexpr int64_t kMinute = 60 * 1000;
// 2026-01-01T00:00:00Z, a multiple of every window used here.
constexpr int64_t kT0 = 1767225600000;
}  // namespace

TEST_CASE("a key gets `limit` requests per fixed window, then refusals", "[rate_limit]") {
  RateLimiter limiter;
  const RateLimit limit{3, 5 * kMinute};
  auto first = limiter.hit("api:a", limit, kT0 + 1000);
  CHECK(first.allowed);
  CHECK(first.limit == 3);
  CHECK(first.remaining == 2);
  CHECK(first.reset_at == kT0 + 5 * kMinute);
  CHECK(limiter.hit("api:a", limit, kT0 + 2000).remaining == 1);
  auto third = limiter.hit("api:a", limit, kT0 + 3000);
  CHECK(third.allowed);
  CHECK(third.remaining == 0);
  auto fourth = limiter.hit("api:a", limit, kT0 + 4000);
  CHECK_FALSE(fourth.allowed);
  CHECK(fourth.remaining == 0);
  CHECK(fourth.reset_at == kT0 + 5 * kMinute);
  for (int i = 0; i < 100; ++i) CHECK_FALSE(limiter.hit("api:a", limit, kT0 + 5000).allowed);
}

TEST_CASE("windows are aligned to the epoch and reset at their end", "[rate_limit]") {
  RateLimiter limiter;
  const RateLimit limit{1, 5 * kMinute};
  CHECK(limiter.hit("k", limit, kT0 + 5 * kMinute - 1).allowed);
  CHECK_FALSE(limiter.hit("k", limit, kT0 + 5 * kMinute - 1).allowed);
  // The next window starts on the boundary, whenever the first request came.
  auto next = limiter.hit("k", limit, kT0 + 5 * kMinute);
  CHECK(next.allowed);
  CHECK(next.reset_at == kT0 + 10 * kMinute);
  // A window skipped entirely does not carry anything over.
  CHECK(limiter.hit("k", limit, kT0 + 60 * kMinute).allowed);
}

TEST_CASE("keys are counted separately", "[rate_limit]") {
  RateLimiter limiter;
  const RateLimit limit{1, kMinute};
  CHECK(limiter.hit("ip:1.2.3.4", limit, kT0).allowed);
  CHECK(limiter.hit("ip:1.2.3.5", limit, kT0).allowed);
  CHECK_FALSE(limiter.hit("ip:1.2.3.4", limit, kT0).allowed);
  CHECK(limiter.bucket_count() == 2);
}

TEST_CASE("finished windows are swept, so memory stays bounded", "[rate_limit]") {
  RateLimiter limiter(100);
  const RateLimit limit{5, kMinute};
  for (int i = 0; i < 100; ++i) limiter.hit("k" + std::to_string(i), limit, kT0 + 10);
  CHECK(limiter.bucket_count() == 100);
  // Full of live buckets: a new key passes uncounted instead of growing the table.
  auto extra = limiter.hit("new", limit, kT0 + 20);
  CHECK(extra.allowed);
  CHECK(limiter.bucket_count() == 100);
  // A minute later every old window has ended: the sweep frees them all.
  CHECK(limiter.hit("new", limit, kT0 + 2 * kMinute).allowed);
  CHECK(limiter.bucket_count() == 1);
}

TEST_CASE("counting is safe from several threads", "[rate_limit]") {
  RateLimiter limiter;
  const RateLimit limit{1000, kMinute};
  std::vector<std::thread> threads;
  std::atomic<int> allowed{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        if (limiter.hit("shared", limit, kT0 + 1).allowed) ++allowed;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(allowed == 1000);
}
