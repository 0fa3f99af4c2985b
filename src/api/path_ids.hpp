#pragma once
// Ids in API paths: decimal snowflakes. Anything else names no record, so it is a 404 like an unknown id.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "http/error_responses.hpp"
#include "http/router.hpp"

namespace vmst::api {

inline int64_t path_id(const std::string& text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value <= 0) {
    throw http::HttpError(404, "Record not found");
  }
  return value;
}

// :name of the route as an id.
inline int64_t path_id(const http::PathParams& params, std::string_view name) { return path_id(params.get(name)); }

// Ids sent as parameters (account_ids[] and the like) follow the same rule: one that is not an id is a 404.
inline std::vector<int64_t> record_ids(const std::vector<std::string>& texts) {
  std::vector<int64_t> ids;
  ids.reserve(texts.size());
  for (const auto& text : texts) ids.push_back(path_id(text));
  return ids;
}

}  // namespace vmst::api
