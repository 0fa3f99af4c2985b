#pragma once
// HTTP dates (RFC 9110 §5.6.7) for the `Date` header that draft-cavage signatures cover and whose age the inbox
// checks.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vmst::crypto {

// IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT": the only form senders may generate, and the one Mastodon's
// Time#httpdate writes. Inputs outside years 0001..9999 are clamped to that range.
std::string http_date(int64_t unix_seconds);

// Unix seconds for an HTTP date in any of the three forms RFC 9110 obliges recipients to accept:
//   IMF-fixdate  "Sun, 06 Nov 1994 08:49:37 GMT"
//   RFC 850      "Sunday, 06-Nov-94 08:49:37 GMT"  (a two-digit year more than 50 years ahead of the
//                                                   current clock is read as the century before, per RFC 9110)
//   asctime      "Sun Nov  6 08:49:37 1994"
// Surrounding whitespace is ignored; day and month names are case-sensitive as the grammar says. The weekday is
// required but not checked against the date (RFC 9110 gives it no meaning). nullopt for anything else, including
// impossible dates such as 31 Feb; a leap second (:60) is accepted and counts as the next second.
std::optional<int64_t> parse_http_date(std::string_view value);

}  // namespace vmst::crypto
