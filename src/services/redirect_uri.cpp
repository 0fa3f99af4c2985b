#include "services/redirect_uri.hpp"

#include <algorithm>
#include <cctype>

#include "net/url_encoding.hpp"
#include "text/trim.hpp"

namespace vmst::services {

namespace {

// The scheme as RFC 3986 spells it (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) before ':'), lowercased; "" if none.
std::string scheme_of(std::string_view uri) {
  auto colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0) return "";
  std::string scheme;
  for (size_t i = 0; i < colon; ++i) {
    auto ch = static_cast<unsigned char>(uri[i]);
    bool ok = std::isalpha(ch) || (i > 0 && (std::isdigit(ch) || ch == '+' || ch == '-' || ch == '.'));
    if (!ok) return "";
    scheme += static_cast<char>(std::tolower(ch));
  }
  return scheme;
}

}  // namespace

std::vector<std::string> split_redirect_uris(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = text::trim(text.substr(start, end - start), text::kSpacesTabsAndLineBreaks);
    if (!line.empty()) out.emplace_back(line);
    start = end + 1;
  }
  return out;
}

std::optional<std::string> redirect_uri_problem(std::string_view uri) {
  if (uri.empty()) return "can't be blank";
  if (uri.size() > 2000) return "is too long (maximum is 2000 characters)";
  // Browsers drop tabs and newlines inside URLs ("java\tscript:" runs as javascript:), and CR/LF would split the
  // Location header: no control characters or spaces at all.
  if (std::any_of(uri.begin(), uri.end(), [](char ch) {
        auto byte = static_cast<unsigned char>(ch);
        return byte < 0x20 || byte == 0x7F || ch == ' ';
      })) {
    return "must be a valid URI.";
  }
  const std::string scheme = scheme_of(uri);
  if (scheme == "javascript" || scheme == "data" || scheme == "vbscript") return "is forbidden by the server.";
  return std::nullopt;
}

bool redirect_uri_registered(const std::vector<std::string>& registered, std::string_view uri) {
  return std::find(registered.begin(), registered.end(), uri) != registered.end();
}

bool is_out_of_band(std::string_view uri) { return uri == kOutOfBandRedirect; }

std::string redirect_with_params(std::string_view uri, const std::vector<std::pair<std::string, std::string>>& params,
                                 bool in_fragment) {
  const std::string encoded = net::encode_query(params);
  const auto hash = uri.find('#');
  const std::string_view before_fragment = uri.substr(0, hash);
  if (in_fragment) return std::string(before_fragment) + "#" + encoded;

  std::string out(before_fragment);
  if (out.find('?') == std::string::npos) {
    out += '?';
  } else if (out.back() != '?' && out.back() != '&') {
    out += '&';
  }
  out += encoded;
  if (hash != std::string_view::npos) out += uri.substr(hash);
  return out;
}

}  // namespace vmst::services
