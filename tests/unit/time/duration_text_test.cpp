#include "time/duration_text.hpp"

#include <catch2/catch.hpp>

using vmst::parse_duration_millis;

TEST_CASE("durations read a number and a unit, and sums of them", "[duration]") {
  CHECK(parse_duration_millis("30s") == 30'000);
  CHECK(parse_duration_millis("90m") == 90 * 60'000);
  CHECK(parse_duration_millis("12h") == 12 * 3'600'000LL);
  CHECK(parse_duration_millis("7d") == 7 * 86'400'000LL);
  CHECK(parse_duration_millis("2w") == 14 * 86'400'000LL);
  CHECK(parse_duration_millis("1d12h") == 36 * 3'600'000LL);
  CHECK(parse_duration_millis("0d") == 0);
}

TEST_CASE("durations without a unit, with an unknown one, or overflowing are refused", "[duration]") {
  for (const char* text : {"", "7", "d", "7x", "-7d", "7 d", "7d ", "7D", "1.5d", "d7", "99999999999999999999s",
                           "9223372036854775807w"}) {
    INFO(text);
    CHECK_FALSE(parse_duration_millis(text));
  }
}
