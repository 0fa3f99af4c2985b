#include "time/duration_text.hpp"

#include <limits>

namespace vmst {

namespace {

std::optional<int64_t> unit_millis(char unit) {
  switch (unit) {
    case 's': return 1000;
    case 'm': return 60 * 1000;
    case 'h': return 3600 * 1000;
    case 'd': return 86400LL * 1000;
    case 'w': return 7 * 86400LL * 1000;
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<int64_t> parse_duration_millis(std::string_view text) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  if (text.empty()) return std::nullopt;
  int64_t total = 0;
  size_t at = 0;
  while (at < text.size()) {
    int64_t number = 0;
    size_t digits = 0;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++digits) {
      if (number > (kMax - 9) / 10) return std::nullopt;
      number = number * 10 + (text[at] - '0');
    }
    if (digits == 0 || at == text.size()) return std::nullopt;
    auto unit = unit_millis(text[at++]);
    if (!unit || number > (kMax - total) / *unit) return std::nullopt;
    total += number * *unit;
  }
  return total;
}

}  // namespace vmst
