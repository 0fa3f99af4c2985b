#pragma once
// Percent-encoding (RFC 3986) for the pieces of URLs we build: query parameters appended to OAuth redirect URIs,
// and the client id and secret inside HTTP Basic credentials (RFC 6749 §2.3.1 form-encodes them).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vmst::net {

// Every byte except A-Z a-z 0-9 - . _ ~ written as %XX.
std::string percent_encode(std::string_view text);

// %XX sequences decoded (a malformed one is kept as it is); '+' becomes a space when plus_is_space.
std::string percent_decode(std::string_view text, bool plus_is_space);

// "a=1&b=x%20y"
std::string encode_query(const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace vmst::net
