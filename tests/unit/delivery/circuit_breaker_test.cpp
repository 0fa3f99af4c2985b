#include "delivery/circuit_breaker.hpp"

#include <catch2/catch.hpp>

using namespace vmst;
using namespace vmst::delivery;

namespace {
constexpr int64_t kDay = 86'400'000;
constexpr int64_t kNoon = 1'700'000'000'000 - (1'700'000'000'000 % kDay) + kDay / 2;  // 12:00 UTC
const BreakerPolicy kPolicy{3, 60'000, 7};
}  // namespace

TEST_CASE("a healthy host gets full concurrency; after one failure, one request at a time", "[delivery][breaker]") {
  store::InstanceHealth h;
  CHECK(breaker_state(h, kPolicy, kNoon) == BreakerState::Closed);
  CHECK(allowed_concurrency(h, kPolicy, kNoon, 4) == 4);
  auto effect = record_host_failure(h, kPolicy, kNoon);
  CHECK_FALSE(effect.breaker_opened);
  CHECK(breaker_state(h, kPolicy, kNoon) == BreakerState::Closed);
  CHECK(allowed_concurrency(h, kPolicy, kNoon, 4) == 1);
}

TEST_CASE("the breaker opens at the threshold and fails fast for the cool-off", "[delivery][breaker]") {
  store::InstanceHealth h;
  record_host_failure(h, kPolicy, kNoon);
  record_host_failure(h, kPolicy, kNoon + 1);
  auto effect = record_host_failure(h, kPolicy, kNoon + 2);
  CHECK(effect.breaker_opened);
  REQUIRE(h.breaker_open_until);
  CHECK(*h.breaker_open_until == kNoon + 2 + 60'000);
  CHECK(breaker_state(h, kPolicy, kNoon + 3) == BreakerState::Open);
  CHECK(allowed_concurrency(h, kPolicy, kNoon + 3, 4) == 0);
  CHECK(breaker_state(h, kPolicy, kNoon + 60'001) == BreakerState::Open);
}

TEST_CASE("after the cool-off one probe goes; a failed probe re-opens, a good one closes", "[delivery][breaker]") {
  store::InstanceHealth h;
  for (int i = 0; i < 3; ++i) record_host_failure(h, kPolicy, kNoon);
  const int64_t after = kNoon + 60'000;
  CHECK(breaker_state(h, kPolicy, after) == BreakerState::HalfOpen);
  CHECK(allowed_concurrency(h, kPolicy, after, 4) == 1);

  auto failed = record_host_failure(h, kPolicy, after);
  CHECK(failed.breaker_opened);
  CHECK(breaker_state(h, kPolicy, after + 1) == BreakerState::Open);
  CHECK(*h.breaker_open_until == after + 60'000);

  record_host_success(h, after + 60'000);
  CHECK(breaker_state(h, kPolicy, after + 60'000) == BreakerState::Closed);
  CHECK(h.consecutive_failures == 0);
  CHECK_FALSE(h.breaker_open_until);
  CHECK(allowed_concurrency(h, kPolicy, after + 60'000, 4) == 4);
}

TEST_CASE("failures on 7 distinct days mark the domain unavailable; a success clears it", "[delivery][breaker]") {
  store::InstanceHealth h;
  for (int day = 0; day < 6; ++day) {
    record_host_failure(h, kPolicy, kNoon + day * kDay);
    record_host_failure(h, kPolicy, kNoon + day * kDay + 1000);  // a second failure the same day counts once
  }
  CHECK(h.failure_days.size() == 6);
  CHECK_FALSE(h.unavailable_since);
  auto effect = record_host_failure(h, kPolicy, kNoon + 6 * kDay);
  CHECK(effect.became_unavailable);
  CHECK(h.unavailable_since == kNoon + 6 * kDay);
  CHECK_FALSE(record_host_failure(h, kPolicy, kNoon + 7 * kDay).became_unavailable);  // reported once

  record_host_success(h, kNoon + 8 * kDay);
  CHECK_FALSE(h.unavailable_since);
  CHECK(h.failure_days.empty());
  CHECK(h.last_success_at == kNoon + 8 * kDay);
  CHECK_FALSE(h.troubled());
}

TEST_CASE("a success between failures resets the count of distinct days", "[delivery][breaker]") {
  store::InstanceHealth h;
  for (int day = 0; day < 6; ++day) record_host_failure(h, kPolicy, kNoon + day * kDay);
  record_host_success(h, kNoon + 6 * kDay);
  for (int day = 7; day < 13; ++day) record_host_failure(h, kPolicy, kNoon + day * kDay);
  CHECK_FALSE(h.unavailable_since);
}
