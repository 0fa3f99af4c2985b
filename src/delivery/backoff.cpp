#include "delivery/backoff.hpp"

#include <algorithm>
#include <charconv>

#include "crypto/http_date.hpp"
#include "text/trim.hpp"

namespace vmst::delivery {

int64_t retry_delay_ms(const RetrySchedule& schedule, int attempts_made, double unit_random) {
  const int64_t n = std::max(1, attempts_made);
  // n⁴ grows past int64 only for absurd n; clamp n first so the multiplication stays exact.
  const int64_t bounded = std::min<int64_t>(n, 1000);
  const int64_t polynomial = bounded * bounded * bounded * bounded;
  int64_t delay = schedule.base_ms;
  if (schedule.step_ms > 0 && polynomial > (schedule.max_delay_ms - delay) / schedule.step_ms) {
    delay = schedule.max_delay_ms;
  } else {
    delay = std::min(schedule.max_delay_ms, delay + schedule.step_ms * polynomial);
  }
  const double unit = std::clamp(unit_random, 0.0, 0.999999);
  const auto jitter = static_cast<int64_t>(static_cast<double>(delay) * schedule.jitter_percent / 100.0 * unit);
  return delay + jitter;
}

bool attempts_exhausted(const RetrySchedule& schedule, int attempts_made) { return attempts_made >= schedule.max_attempts; }

std::optional<int64_t> parse_retry_after(std::string_view value, int64_t now_millis) {
  value = text::trim(value, text::kSpacesAndTabs);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int64_t seconds = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec == std::errc::result_out_of_range) return int64_t{365} * 86'400'000;  // "forever": the cap applies
    if (ec != std::errc() || end != value.data() + value.size()) return std::nullopt;
    if (seconds > int64_t{365} * 86'400) seconds = int64_t{365} * 86'400;
    return seconds * 1000;
  }
  auto date = crypto::parse_http_date(value);
  if (!date) return std::nullopt;
  return std::max<int64_t>(0, *date * 1000 - now_millis);
}

int64_t next_attempt_delay_ms(const RetrySchedule& schedule, int attempts_made, std::optional<int64_t> retry_after_ms,
                              double unit_random) {
  int64_t delay = retry_delay_ms(schedule, attempts_made, unit_random);
  if (retry_after_ms) delay = std::max(delay, std::min(*retry_after_ms, schedule.max_delay_ms));
  return delay;
}

}  // namespace vmst::delivery
