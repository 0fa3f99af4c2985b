#pragma once
// What one attempt did, and what that means for the job, the host's health and the counters. Pure: the engine's
// workers produce AttemptResults; its dispatcher turns them into writes with plan_outcome.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "delivery/backoff.hpp"
#include "store/delivery_store.hpp"

namespace vmst::delivery {

struct AttemptResult {
  enum class Kind {
    Response,       // the server answered with `status`
    NetworkError,   // connect/read/write failure or timeout, or a name that did not resolve
    Refused,        // can never be sent: not an http(s) URL, http not allowed, address refused by the SSRF guard
    CannotSign,     // the activity or the sender's key is missing or unusable
    Deferred,       // not sent: the host's circuit breaker is open until `deferred_until`
    Unavailable,    // not sent: the domain is marked unavailable
    Abandoned,      // not finished: the engine is stopping; the job goes back untouched
  };
  Kind kind = Kind::Response;
  int status = 0;
  std::optional<int64_t> retry_after_ms;
  int64_t deferred_until = 0;
  std::string error;
};

enum class HostEffect { None, Success, Failure };

struct PlannedOutcome {
  store::JobUpdate update;
  HostEffect host_effect = HostEffect::None;
  bool actor_gone = false;                  // 410: mark the actors whose inbox this is as gone
  std::map<std::string, int64_t> counters;  // delivery.delivered, .failed, .retried, .dropped, .deferred, .status.Nxx
};

// The effect of an attempt on its host's health, known as soon as the attempt ends (workers gate on it at once).
HostEffect host_effect_of(const AttemptResult& result);

PlannedOutcome plan_outcome(const store::ClaimedJob& job, const AttemptResult& result, const RetrySchedule& schedule,
                            int64_t now, double unit_random);

}  // namespace vmst::delivery
