#include "delivery/attempt_outcome.hpp"

#include "delivery/response_class.hpp"

namespace vmst::delivery {

namespace {

using State = store::JobUpdate::State;

// A failed attempt that may be tried again: a retry at the backoff (or Retry-After), or dead when out of attempts.
void fail_and_maybe_retry(PlannedOutcome& out, const RetrySchedule& schedule, const AttemptResult& result,
                          int64_t now, double unit_random) {
  out.counters["delivery.failed"] += 1;
  if (attempts_exhausted(schedule, out.update.attempts)) {
    out.update.state = State::Dead;
    out.update.last_error = *out.update.last_error + " (gave up after " + std::to_string(out.update.attempts) + " attempts)";
    out.counters["delivery.dropped"] += 1;
    return;
  }
  out.update.state = State::Queued;
  out.update.next_attempt_at =
      now + next_attempt_delay_ms(schedule, out.update.attempts, result.retry_after_ms, unit_random);
  out.counters["delivery.retried"] += 1;
}

}  // namespace

HostEffect host_effect_of(const AttemptResult& result) {
  switch (result.kind) {
    case AttemptResult::Kind::Response:
      return host_answered_sanely(classify_status(result.status)) ? HostEffect::Success : HostEffect::Failure;
    case AttemptResult::Kind::NetworkError: return HostEffect::Failure;
    default: return HostEffect::None;
  }
}

PlannedOutcome plan_outcome(const store::ClaimedJob& job, const AttemptResult& result, const RetrySchedule& schedule,
                            int64_t now, double unit_random) {
  PlannedOutcome out;
  out.update.job_id = job.id;
  out.update.attempts = job.attempts;
  out.update.last_error = result.error;

  switch (result.kind) {
    case AttemptResult::Kind::Response: {
      out.update.attempts = job.attempts + 1;
      out.update.last_status = result.status;
      out.counters["delivery.status." + status_class_name(result.status)] += 1;
      const ResponseClass cls = classify_status(result.status);
      out.host_effect = host_effect_of(result);
      if (cls == ResponseClass::Delivered) {
        out.update.state = State::Done;
        out.update.last_error.reset();
        out.counters["delivery.delivered"] += 1;
      } else {
        if (!out.update.last_error || out.update.last_error->empty()) out.update.last_error = "HTTP " + std::to_string(result.status);
        if (cls == ResponseClass::Retry) {
          fail_and_maybe_retry(out, schedule, result, now, unit_random);
        } else {
          out.update.state = State::Dead;
          out.actor_gone = cls == ResponseClass::Gone;
          out.counters["delivery.failed"] += 1;
          out.counters["delivery.dropped"] += 1;
          if (out.actor_gone) out.counters["delivery.gone"] += 1;
        }
      }
      break;
    }
    case AttemptResult::Kind::NetworkError:
      out.update.attempts = job.attempts + 1;
      out.update.last_status = 0;
      out.counters["delivery.status.network"] += 1;
      out.host_effect = host_effect_of(result);
      fail_and_maybe_retry(out, schedule, result, now, unit_random);
      break;
    case AttemptResult::Kind::Refused:
    case AttemptResult::Kind::CannotSign:
      out.update.attempts = job.attempts + 1;
      out.update.state = State::Dead;
      out.counters["delivery.failed"] += 1;
      out.counters["delivery.dropped"] += 1;
      break;
    case AttemptResult::Kind::Deferred:
      out.update.state = State::Queued;
      out.update.next_attempt_at = result.deferred_until;
      out.update.fair_order.reset();  // to the timed lane
      out.counters["delivery.deferred"] += 1;
      break;
    case AttemptResult::Kind::Unavailable:
      out.update.state = State::Dead;
      out.counters["delivery.dropped"] += 1;
      break;
    case AttemptResult::Kind::Abandoned:
      out.update.state = State::Queued;
      out.update.next_attempt_at = job.next_attempt_at;
      out.update.fair_order = job.fair_order;  // back to its place
      out.update.last_error.reset();
      break;
  }
  return out;
}

}  // namespace vmst::delivery
