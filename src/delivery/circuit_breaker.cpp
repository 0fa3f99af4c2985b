#include "delivery/circuit_breaker.hpp"

#include <algorithm>

#include "time/timestamps.hpp"

namespace vmst::delivery {

BreakerState breaker_state(const store::InstanceHealth& health, const BreakerPolicy& policy, int64_t now) {
  if (health.consecutive_failures < policy.failure_threshold) return BreakerState::Closed;
  if (health.breaker_open_until && now < *health.breaker_open_until) return BreakerState::Open;
  return BreakerState::HalfOpen;
}

int allowed_concurrency(const store::InstanceHealth& health, const BreakerPolicy& policy, int64_t now,
                        int per_host_limit) {
  switch (breaker_state(health, policy, now)) {
    case BreakerState::Open: return 0;
    case BreakerState::HalfOpen: return 1;
    case BreakerState::Closed: return health.consecutive_failures > 0 ? 1 : per_host_limit;
  }
  return 1;
}

void record_host_success(store::InstanceHealth& health, int64_t now) {
  health.consecutive_failures = 0;
  health.breaker_open_until.reset();
  health.failure_days.clear();
  health.unavailable_since.reset();
  health.last_success_at = now;
}

FailureEffect record_host_failure(store::InstanceHealth& health, const BreakerPolicy& policy, int64_t now) {
  FailureEffect effect;
  ++health.consecutive_failures;
  health.last_failure_at = now;
  if (health.consecutive_failures >= policy.failure_threshold) {
    health.breaker_open_until = now + policy.cool_off_ms;
    effect.breaker_opened = true;
  }
  std::string today = format_date(now);
  if (std::find(health.failure_days.begin(), health.failure_days.end(), today) == health.failure_days.end()) {
    health.failure_days.push_back(today);
  }
  if (!health.unavailable_since && static_cast<int>(health.failure_days.size()) >= policy.unavailable_after_days) {
    health.unavailable_since = now;
    effect.became_unavailable = true;
  }
  return effect;
}

}  // namespace vmst::delivery
