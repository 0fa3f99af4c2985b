#pragma once
// The path and query of a request target ("/api/v1/streaming/hashtag?tag=caf%C3%A9"), percent-decoded.
#include <map>
#include <string>
#include <string_view>

namespace vmst::streaming {

using QueryParams = std::map<std::string, std::string, std::less<>>;

struct RequestTarget {
  std::string path;  // without a trailing slash (Mastodon.py and others add one), "/" stays "/"
  QueryParams query;  // a repeated key keeps its first value, as Mastodon's streaming server does
};

RequestTarget parse_request_target(std::string_view target);

// Mastodon's isTruthy: present and not one of 0, f, F, false, FALSE, off, OFF.
bool query_flag(const QueryParams& query, std::string_view key);

}  // namespace vmst::streaming
