#include "net/url.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace vmst::net {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool valid_host_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
}
}  // namespace

std::string Url::authority() const {
  std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (explicit_port) {
    h += ':';
    h += std::to_string(port);
  }
  return h;
}

std::string Url::origin() const { return scheme + "://" + authority(); }

std::optional<Url> parse_url(std::string_view text) {
  auto sep = text.find("://");
  if (sep == std::string_view::npos) return std::nullopt;
  Url url;
  url.scheme = lower(text.substr(0, sep));
  if (url.scheme != "http" && url.scheme != "https") return std::nullopt;
  std::string_view rest = text.substr(sep + 3);
  // Drop the fragment: `#main-key` names a part of the document, not a different resource.
  if (auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  auto path_start = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_start);
  std::string_view path = path_start == std::string_view::npos ? std::string_view("/") : rest.substr(path_start);
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;

  std::string_view host_part = authority;
  std::string_view port_part;
  if (authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host_part = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port_part = after.substr(1);
    }
    if (host_part.empty() || host_part.find_first_not_of("0123456789abcdefABCDEF:.") != std::string_view::npos) {
      return std::nullopt;
    }
  } else {
    auto colon = authority.rfind(':');
    if (colon != std::string_view::npos) {
      host_part = authority.substr(0, colon);
      port_part = authority.substr(colon + 1);
    }
    if (host_part.empty() || !std::all_of(host_part.begin(), host_part.end(), valid_host_char)) return std::nullopt;
  }
  url.host = lower(host_part);
  url.port = url.scheme == "https" ? 443 : 80;
  if (!port_part.empty()) {
    int port = 0;
    auto [end, ec] = std::from_chars(port_part.data(), port_part.data() + port_part.size(), port);
    if (ec != std::errc() || end != port_part.data() + port_part.size() || port < 1 || port > 65535) return std::nullopt;
    url.port = port;
    url.explicit_port = true;
  }
  url.path_and_query = path.front() == '?' ? "/" + std::string(path) : std::string(path);
  for (char c : url.path_and_query) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return std::nullopt;
  }
  return url;
}

std::optional<Url> resolve_reference(const Url& base, std::string_view reference) {
  if (reference.find("://") != std::string_view::npos) return parse_url(reference);
  if (reference.substr(0, 2) == "//") return parse_url(base.scheme + ":" + std::string(reference));
  if (reference.empty()) return base;
  Url out = base;
  if (reference.front() == '/') {
    out.path_and_query = std::string(reference);
  } else {
    std::string dir = base.path_and_query.substr(0, base.path_and_query.find('?'));
    dir = dir.substr(0, dir.rfind('/') + 1);
    out.path_and_query = dir + std::string(reference);
  }
  return parse_url(out.origin() + out.path_and_query);
}

bool same_host(const Url& a, const Url& b) { return a.host == b.host; }

}  // namespace vmst::net
