#pragma once
// Comparing secrets (client secrets, PKCE challenges, form tokens) without leaking through timing how much of a
// guess was right.
#include <string_view>

namespace vmst::crypto {

// True when a and b hold the same bytes. The time taken depends on the lengths only.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace vmst::crypto
