#include "time/timestamps.hpp"

#include <catch2/catch.hpp>

TEST_CASE("timestamps always carry milliseconds and Z", "[time]") {
  CHECK(vmst::format_iso8601_millis(0) == "1970-01-01T00:00:00.000Z");
  CHECK(vmst::format_iso8601_millis(1795786025123) == "2026-11-27T13:27:05.123Z");
  CHECK(vmst::format_iso8601_millis(-1) == "1969-12-31T23:59:59.999Z");
  CHECK(vmst::format_date(1795786025123) == "2026-11-27");
}
