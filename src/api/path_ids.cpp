#include "api/path_ids.hpp"

#include <charconv>

#include "http/error_responses.hpp"

namespace vmst::api {

int64_t record_id(const std::string& text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    throw http::HttpError(404, "Record not found");
  }
  return id;
}

int64_t path_id(const http::PathParams& params, std::string_view name) { return record_id(params.get(name)); }

std::vector<int64_t> record_ids(const std::vector<std::string>& texts) {
  std::vector<int64_t> ids;
  ids.reserve(texts.size());
  for (const auto& text : texts) ids.push_back(record_id(text));
  return ids;
}

}  // namespace vmst::api
