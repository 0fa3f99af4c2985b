#pragma once
// Wall-clock time as the whole program stores it: int64 milliseconds since the Unix epoch, UTC.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vmst {

int64_t now_millis();

// "2026-11-26T13:27:05.123Z": always milliseconds and Z, which strict clients (toot 0.34) require.
std::string format_iso8601_millis(int64_t millis);

// "2026-11-26T13:27:05Z": second precision, as Mastodon writes ActivityStreams `published`/`updated`.
std::string format_iso8601_seconds(int64_t millis);

// Parses ISO 8601 / RFC 3339 as ActivityPub servers write it ("2026-11-26T13:27:05Z", with optional fraction and
// offset). nullopt when malformed.
std::optional<int64_t> parse_iso8601(std::string_view text);

// "2026-11-26", for Account.last_status_at and similar date-only fields.
std::string format_date(int64_t millis);

}  // namespace vmst
