#pragma once
// Durations as an admin types them on the command line: "7d", "12h", "90m", "30s", "2w", or a sum such as "1d12h".
#include <cstdint>
#include <optional>
#include <string_view>

namespace vmst {

// Milliseconds, or nullopt when the text is not one or more <digits><unit> groups (units s, m, h, d, w) or
// overflows.
std::optional<int64_t> parse_duration_millis(std::string_view text);

}  // namespace vmst
