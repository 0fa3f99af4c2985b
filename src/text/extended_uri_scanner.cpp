// xmpp: and magnet: URIs as Mastodon's Extractor#extract_extra_uris_with_indices finds them (valid_extended_uri
// in config/initializers/twitter_regex.rb):
//   xmpp:(//nodeid+@domain/)?(nodeid+@)?domain(/resid+)?(\?query)?      magnet:\?query
#include "text/text_scanners.hpp"

namespace vmst::text {
namespace {

bool is_hex_digit(char32_t c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// RFC 3986 unreserved as twitter-text widens it: [a-z\p{Cyrillic}0-9\p{Pd}._~]
bool is_unreserved(char32_t c) {
  return is_ascii_alnum(c) || is_cyrillic(c) || is_dash_punctuation(c) || c == '.' || c == '_' || c == '~';
}

// End of a run of unreserved characters, %XX escapes and the characters in `others`.
std::size_t uri_run_end(const CodePoints& text, std::size_t at, std::u32string_view others) {
  std::size_t pos = at;
  for (;;) {
    const char32_t c = text.at(pos);
    if (is_unreserved(c) || others.find(c) != std::u32string_view::npos) {
      ++pos;
    } else if (c == '%' && is_hex_digit(text.at(pos + 1)) && is_hex_digit(text.at(pos + 2))) {
      pos += 3;
    } else {
      return pos;
    }
  }
}

constexpr std::u32string_view kNodeIdOthers = U"!$()*+,;=";
constexpr std::u32string_view kResourceOthers = U"!$&'()*+,;=";

// The end of what follows "xmpp:", or `at` when it is not an XMPP URI.
std::size_t xmpp_end(const CodePoints& text, std::size_t at) {
  std::size_t pos = at;
  if (text.matches(pos, "//")) {
    const std::size_t node_end = uri_run_end(text, pos + 2, kNodeIdOthers);
    if (node_end == pos + 2 || text.at(node_end) != '@') return at;
    const std::size_t host_end = url_domain_end(text, node_end + 1);
    if (host_end == node_end + 1 || text.at(host_end) != '/') return at;
    pos = host_end + 1;
  }
  std::size_t end = url_domain_end(text, pos);
  const std::size_t node_end = uri_run_end(text, pos, kNodeIdOthers);
  if (node_end > pos && text.at(node_end) == '@') {
    // With a node the domain follows the '@'; without one the regular expression falls back to a bare domain.
    const std::size_t host_end = url_domain_end(text, node_end + 1);
    if (host_end > node_end + 1) end = host_end;
  }
  if (end == pos) return at;
  if (text.at(end) == '/') {
    const std::size_t resource_end = uri_run_end(text, end + 1, kResourceOthers);
    if (resource_end > end + 1) end = resource_end;
  }
  if (text.at(end) == '?') end = url_query_end(text, end);
  return end;
}

}  // namespace

std::vector<TokenSpan> scan_extended_uris(const CodePoints& text) {
  std::vector<TokenSpan> uris;
  std::size_t consumed = 0;
  for (std::size_t begin = 0; begin < text.size(); ++begin) {
    if (begin > 0 && (begin - 1 < consumed || !is_valid_url_preceding_char(text.before(begin)))) continue;
    std::size_t end = begin;
    if (text.matches_ignoring_case(begin, "xmpp:")) {
      end = xmpp_end(text, begin + 5);
      if (end == begin + 5) end = begin;
    } else if (text.matches_ignoring_case(begin, "magnet:") && text.at(begin + 7) == '?') {
      end = url_query_end(text, begin + 7);
      if (end == begin + 7) end = begin;
    }
    if (end == begin) continue;
    uris.push_back({TokenKind::url, begin, end, end});
    consumed = end;
    begin = end - 1;
  }
  return uris;
}

}  // namespace vmst::text
