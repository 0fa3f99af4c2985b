#include "api/pagination.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace vmst::api {

namespace {

std::optional<int64_t> lenient_id(const http::RequestParams& params, std::string_view key) {
  auto text = params.string(key);
  if (!text || text->empty()) return std::nullopt;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < 0) return std::nullopt;
  return value;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '[' || c == ']') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool is_cursor(const std::string& key) { return key == "max_id" || key == "min_id" || key == "since_id"; }

}  // namespace

PageQuery parse_page(const http::RequestParams& params, int default_limit, int max_limit) {
  PageQuery page;
  page.max_id = lenient_id(params, "max_id");
  page.since_id = lenient_id(params, "since_id");
  page.min_id = lenient_id(params, "min_id");
  page.limit = default_limit;
  if (auto text = params.string("limit")) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec == std::errc() && end == text->data() + text->size()) {
      page.limit = static_cast<int>(std::clamp<int64_t>(value, 1, max_limit));
    }
  }
  return page;
}

store::IdPage to_id_page(const PageQuery& page) {
  return store::IdPage{page.max_id, page.since_id, page.min_id, page.limit};
}

std::string query_without_cursors(const httplib::Request& req) {
  std::string out;
  for (const auto& [key, value] : req.params) {
    if (is_cursor(key) || key == "access_token") continue;
    if (!out.empty()) out += '&';
    out += percent_encode(key) + "=" + percent_encode(value);
  }
  return out;
}

void set_link_header(httplib::Response& res, const httplib::Request& req, const std::string& base_url,
                     const PageQuery& page, size_t returned, std::optional<int64_t> newest_cursor,
                     std::optional<int64_t> oldest_cursor) {
  if (returned == 0 || !newest_cursor || !oldest_cursor) return;
  std::string query = query_without_cursors(req);
  std::string prefix = base_url + req.path + "?" + query + (query.empty() ? "" : "&");
  std::string link;
  if (returned >= static_cast<size_t>(page.limit)) {
    link = "<" + prefix + "max_id=" + std::to_string(*oldest_cursor) + ">; rel=\"next\", ";
  }
  link += "<" + prefix + "min_id=" + std::to_string(*newest_cursor) + ">; rel=\"prev\"";
  res.set_header("Link", link);
}

}  // namespace vmst::api
