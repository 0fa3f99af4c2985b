#include "http/cookies.hpp"

#include "text/trim.hpp"

namespace vmst::http {

std::optional<std::string> cookie_value(const httplib::Request& req, std::string_view name) {
  const size_t headers = req.get_header_value_count("Cookie");
  for (size_t h = 0; h < headers; ++h) {
    const std::string header = req.get_header_value("Cookie", h);
    std::string_view rest(header);
    while (!rest.empty()) {
      auto semicolon = rest.find(';');
      std::string_view pair = text::trim(rest.substr(0, semicolon), text::kSpacesAndTabs);
      rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
      auto eq = pair.find('=');
      if (eq == std::string_view::npos || text::trim(pair.substr(0, eq), text::kSpacesAndTabs) != name) continue;
      std::string_view value = text::trim(pair.substr(eq + 1), text::kSpacesAndTabs);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
      return std::string(value);
    }
  }
  return std::nullopt;
}

std::string set_cookie_header(std::string_view name, std::string_view value, const CookieOptions& options) {
  std::string out(name);
  out += "=";
  out += value;
  out += "; Path=" + options.path;
  if (options.max_age_seconds > 0) out += "; Max-Age=" + std::to_string(options.max_age_seconds);
  if (options.http_only) out += "; HttpOnly";
  if (!options.same_site.empty()) out += "; SameSite=" + options.same_site;
  if (options.secure) out += "; Secure";
  return out;
}

}  // namespace vmst::http
