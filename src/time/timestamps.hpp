#pragma once
// Wall-clock time as the whole program stores it: int64 milliseconds since the Unix epoch, UTC.
#include <cstdint>
#include <string>

namespace vmst {

int64_t now_millis();

// "2026-11-26T13:27:05.123Z": always milliseconds and Z, which strict clients (toot 0.34) require.
std::string format_iso8601_millis(int64_t millis);

// "2026-11-26T13:27:05Z": second precision, as Mastodon writes ActivityStreams `published`/`updated`.
std::string format_iso8601_seconds(int64_t millis);

// "2026-11-26", for Account.last_status_at and similar date-only fields.
std::string format_date(int64_t millis);

}  // namespace vmst
