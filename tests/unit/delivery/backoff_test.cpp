#include "delivery/backoff.hpp"

#include <catch2/catch.hpp>

#include "crypto/http_date.hpp"

using namespace vmst::delivery;

TEST_CASE("the default retry schedule is Mastodon's count^4 + 15 s", "[delivery][backoff]") {
  RetrySchedule s;
  CHECK(retry_delay_ms(s, 1, 0.0) == 16'000);
  CHECK(retry_delay_ms(s, 2, 0.0) == 31'000);
  CHECK(retry_delay_ms(s, 3, 0.0) == 96'000);
  CHECK(retry_delay_ms(s, 10, 0.0) == 10'015'000);
  CHECK(retry_delay_ms(s, 16, 0.0) == 65'551'000);
  // 16 retries add up to about 2.6 days, as Sidekiq's do.
  int64_t total = 0;
  for (int n = 1; n <= 16; ++n) total += retry_delay_ms(s, n, 0.0);
  CHECK(total > int64_t{2} * 86'400'000);
  CHECK(total < int64_t{3} * 86'400'000);
}

TEST_CASE("every delay is capped at max_delay_ms, even for absurd attempt counts", "[delivery][backoff]") {
  RetrySchedule s;
  s.max_delay_ms = 3'600'000;
  s.jitter_percent = 0;
  CHECK(retry_delay_ms(s, 16, 0.0) == 3'600'000);
  CHECK(retry_delay_ms(s, 1'000'000, 0.0) == 3'600'000);
  CHECK(retry_delay_ms(s, 0, 0.0) == retry_delay_ms(s, 1, 0.0));  // treated as the first retry
}

TEST_CASE("jitter adds at most jitter_percent of the delay", "[delivery][backoff]") {
  RetrySchedule s;
  s.jitter_percent = 10;
  CHECK(retry_delay_ms(s, 2, 0.0) == 31'000);
  CHECK(retry_delay_ms(s, 2, 0.5) == 31'000 + 1'550);
  CHECK(retry_delay_ms(s, 2, 0.999) < 31'000 + 3'100);
  CHECK(retry_delay_ms(s, 2, 7.0) < 31'000 + 3'100);  // out-of-range randomness is clamped
}

TEST_CASE("a short test schedule runs its whole course in seconds", "[delivery][backoff]") {
  RetrySchedule s{4, 200, 10, 5'000, 0};
  CHECK(retry_delay_ms(s, 1, 0.0) == 210);
  CHECK(retry_delay_ms(s, 2, 0.0) == 360);
  CHECK(retry_delay_ms(s, 3, 0.0) == 1'010);
  CHECK_FALSE(attempts_exhausted(s, 3));
  CHECK(attempts_exhausted(s, 4));
}

TEST_CASE("Retry-After is read as seconds or as an HTTP date", "[delivery][backoff]") {
  const int64_t now = 1'700'000'000'000;
  CHECK(parse_retry_after("120", now) == 120'000);
  CHECK(parse_retry_after(" 0 ", now) == 0);
  CHECK(parse_retry_after(vmst::crypto::http_date(now / 1000 + 30), now) == 30'000);
  CHECK(parse_retry_after(vmst::crypto::http_date(now / 1000 - 30), now) == 0);  // a past date: no wait
  CHECK_FALSE(parse_retry_after("", now).has_value());
  CHECK_FALSE(parse_retry_after("soon", now).has_value());
  CHECK_FALSE(parse_retry_after("-5", now).has_value());
  CHECK(parse_retry_after("99999999999999999999999", now) == int64_t{365} * 86'400'000);
}

TEST_CASE("the next attempt waits for the later of backoff and Retry-After, within the cap", "[delivery][backoff]") {
  RetrySchedule s{17, 15'000, 1'000, 86'400'000, 0};
  CHECK(next_attempt_delay_ms(s, 1, std::nullopt, 0.0) == 16'000);
  CHECK(next_attempt_delay_ms(s, 1, 2'000, 0.0) == 16'000);     // asked for less than our backoff: backoff
  CHECK(next_attempt_delay_ms(s, 1, 600'000, 0.0) == 600'000);  // asked for more: honoured
  CHECK(next_attempt_delay_ms(s, 1, int64_t{30} * 86'400'000, 0.0) == 86'400'000);  // but never beyond the cap
}
