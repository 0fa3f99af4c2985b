#include "time/timestamps.hpp"

#include <catch2/catch.hpp>

TEST_CASE("timestamps always carry milliseconds and Z", "[time]") {
  CHECK(vmst::format_iso8601_millis(0) == "1970-01-01T00:00:00.000Z");
  CHECK(vmst::format_iso8601_millis(1795786025123) == "2026-11-27T13:27:05.123Z");
  CHECK(vmst::format_iso8601_millis(-1) == "1969-12-31T23:59:59.999Z");
  CHECK(vmst::format_date(1795786025123) == "2026-11-27");
}

TEST_CASE("ISO 8601 times from other servers parse with fractions and offsets, and malformed ones do not", "[time]") {
  CHECK(vmst::parse_iso8601("2026-11-27T13:27:05Z") == 1795786025000);
  CHECK(vmst::parse_iso8601("2026-11-27T13:27:05.123Z") == 1795786025123);
  CHECK(vmst::parse_iso8601("2026-11-27T14:27:05.1+01:00") == 1795786025100);
  CHECK(vmst::parse_iso8601("1970-01-01T00:00:00Z") == 0);
  CHECK(vmst::parse_iso8601("2026-11-27") == std::nullopt);
  CHECK(vmst::parse_iso8601("2026-13-27T13:27:05Z") == std::nullopt);
  CHECK(vmst::parse_iso8601("2026-11-27T13:27:05") == std::nullopt);
  CHECK(vmst::parse_iso8601("garbage") == std::nullopt);
}
