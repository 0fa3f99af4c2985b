#pragma once
// Per-host circuit breaker and failure-day tracking, as pure functions over store::InstanceHealth.
//
//   Closed     fewer than failure_threshold consecutive failures. Full concurrency while the host has no failure
//              at all; one request at a time once it has failed, so a host that hangs holds one worker, not many.
//   Open       the threshold was reached and the cool-off has not passed: no request is sent; the host's jobs wait
//              until breaker_open_until without spending an attempt.
//   HalfOpen   the cool-off has passed: one probe at a time. A success closes the breaker; a failure opens it
//              again for another cool-off.
//
// Separately, every failure records its UTC day; a host that failed on unavailable_after_days distinct days with
// no success in between is marked unavailable (fan-out skips it) until a success: a delivery, or a signed inbox
// POST from it (Mastodon's DeliveryFailureTracker).
#include <cstdint>

#include "store/instance_health_store.hpp"

namespace vmst::delivery {

struct BreakerPolicy {
  int failure_threshold = 10;        // consecutive failures that open the breaker (Mastodon's Stoplight uses 10)
  int64_t cool_off_ms = 60'000;      // how long it stays open
  int unavailable_after_days = 7;    // distinct failure days that mark the domain unavailable
};

enum class BreakerState { Closed, Open, HalfOpen };

BreakerState breaker_state(const store::InstanceHealth& health, const BreakerPolicy& policy, int64_t now);

// How many requests to this host may run at once: per_host_limit when healthy, 1 after any failure or when
// half-open, 0 while open.
int allowed_concurrency(const store::InstanceHealth& health, const BreakerPolicy& policy, int64_t now,
                        int per_host_limit);

// A success of the host: breaker closed, failures and failure days forgotten, unavailable mark cleared.
void record_host_success(store::InstanceHealth& health, int64_t now);

struct FailureEffect {
  bool breaker_opened = false;     // this failure opened (or re-opened) the breaker
  bool became_unavailable = false; // this failure marked the domain unavailable
};

// A failure of the host (network error, timeout, 5xx, 429...).
FailureEffect record_host_failure(store::InstanceHealth& health, const BreakerPolicy& policy, int64_t now);

}  // namespace vmst::delivery
