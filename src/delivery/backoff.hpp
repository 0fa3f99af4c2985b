#pragma once
// When a failed delivery is tried again. Mastodon (Sidekiq) waits count⁴ + 15 s (plus jitter) over 16 retries,
// about 2.6 days in all; the defaults below are that schedule, and every number is configurable so tests can run
// the whole schedule in seconds.
#include <cstdint>
#include <optional>
#include <string_view>

namespace vmst::delivery {

struct RetrySchedule {
  int max_attempts = 17;                 // the first attempt plus 16 retries; the job is dead after the last
  int64_t base_ms = 15'000;              // added to every delay
  int64_t step_ms = 1'000;               // multiplied by attempts⁴
  int64_t max_delay_ms = 86'400'000;     // cap on one delay (and on a Retry-After we honour)
  int jitter_percent = 10;               // up to this much is added at random, so a host's retries spread out
};

// Delay before the next attempt after `attempts_made` (>= 1) failed attempts: step·n⁴ + base, capped, plus
// jitter = delay·jitter_percent·unit_random/100 where unit_random is in [0, 1). Pure: the caller supplies the
// randomness, so tests can pin it.
int64_t retry_delay_ms(const RetrySchedule& schedule, int attempts_made, double unit_random);

// True when a job that has now failed `attempts_made` times gets no further attempt.
bool attempts_exhausted(const RetrySchedule& schedule, int attempts_made);

// A Retry-After header (RFC 9110 §10.2.3) as a delay from now in milliseconds: delta-seconds or an HTTP date.
// nullopt when absent or malformed; a date in the past gives 0.
std::optional<int64_t> parse_retry_after(std::string_view value, int64_t now_millis);

// When the next attempt may start: the backoff, or later if the server asked (Retry-After), never beyond the cap.
int64_t next_attempt_delay_ms(const RetrySchedule& schedule, int attempts_made, std::optional<int64_t> retry_after_ms,
                              double unit_random);

}  // namespace vmst::delivery
