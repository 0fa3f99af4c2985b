#pragma once
// Ids in API paths: decimal snowflakes. Anything else names no record, so it is a 404 like an unknown id.
#include <charconv>
#include <cstdint>
#include <string>

#include "http/error_responses.hpp"

namespace vmst::api {

inline int64_t path_id(const std::string& text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value <= 0) {
    throw http::HttpError(404, "Record not found");
  }
  return value;
}

}  // namespace vmst::api
