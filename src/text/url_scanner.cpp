// Links as Mastodon's extractor finds them: twitter-text's valid_url with Mastodon's overrides
// (config/initializers/twitter_regex.rb), called with extract_url_without_protocol: false.
#include <array>
#include <string>
#include <string_view>

#include "text/text_scanners.hpp"
#include "text/top_level_domains.hpp"
#include "text/utf8.hpp"

namespace vmst::text {
namespace {

constexpr std::array<std::string_view, 9> kSchemes = {"https", "http", "dat", "dweb", "ipfs",
                                                      "ipns",  "ssb",  "gopher", "gemini"};
// twitter-text's MAX_URL_LENGTH: longer candidates are dropped.
constexpr std::size_t kMaxUrlLength = 4096;
// Longer than any top-level domain, so trying longer prefixes could not find one.
constexpr std::size_t kMaxTopLevelDomainLength = 32;

bool is_ascii_punctuation(char32_t c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool is_directional_mark(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool is_invalid_character(char32_t c) { return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF; }

// twitter-text's DOMAIN_VALID_CHARS: anything but punctuation, spaces, controls and a few invisible characters.
// twitter-text leaves the backslash in, and Addressable then rejects such a URL so Mastodon prints it as text;
// leaving it out here gives the same HTML in one step.
bool is_domain_char(char32_t c) {
  if (c == kIllFormedUtf8 || c == kNoCharacter) return false;
  if (c < 0x20 || c == 0x7F || c == '\\') return false;
  return !is_ascii_punctuation(c) && !is_white_space(c) && c != 0x180E && !is_directional_mark(c) &&
         !is_invalid_character(c);
}

// The characters after a top-level domain that would make it part of a longer word.
bool continues_top_level_domain(char32_t c) { return is_ascii_alnum(c) || c == '@' || c == '+' || c == '-'; }

// Mastodon's valid_general_url_path_chars: [^\p{White_Space}<>()?]
bool is_path_char(char32_t c) {
  if (c == kIllFormedUtf8 || c == kNoCharacter) return false;
  return !is_white_space(c) && c != '<' && c != '>' && c != '(' && c != ')' && c != '?';
}

// Mastodon's valid_url_path_ending_chars, less the balanced parentheses handled by the caller.
bool is_path_ending_char(char32_t c) {
  if (!is_path_char(c)) return false;
  static constexpr std::u32string_view kExcluded = U"!*\"'\u300C\u300D;:=,.$%[]~&|@";
  return kExcluded.find(c) == std::u32string_view::npos;
}

// Mastodon's UCHARS: non-ASCII code points other than surrogates, noncharacters and some specials.
bool is_query_unicode_char(char32_t c) {
  return (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFEF) ||
         (c >= 0x10000 && c <= 0x10FFFD && (c & 0xFFFF) <= 0xFFFD && !(c >= 0xE0000 && c < 0xE1000));
}

bool is_query_char(char32_t c) {
  static constexpr std::u32string_view kAscii = U"!?*'();:&=+$/%#[]-_.,~|@^";
  return is_ascii_alnum(c) || kAscii.find(c) != std::u32string_view::npos || is_query_unicode_char(c);
}

bool is_query_ending_char(char32_t c) {
  static constexpr std::u32string_view kAscii = U"_&=#/-";
  return is_ascii_alnum(c) || kAscii.find(c) != std::u32string_view::npos || is_query_unicode_char(c);
}

std::size_t scheme_length_at(const CodePoints& text, std::size_t at) {
  for (std::string_view scheme : kSchemes) {
    if (text.matches_ignoring_case(at, scheme) && text.matches(at + scheme.size(), "://")) return scheme.size() + 3;
  }
  return 0;
}

// The end of a top-level domain starting at `at`, or `at` when none does: a listed one (twitter-text's
// valid_gTLD/valid_ccTLD, whose lookahead keeps "com" from matching in "community") or punycode.
std::size_t top_level_domain_end(const CodePoints& text, std::size_t at) {
  std::size_t run = at;
  while (run - at < kMaxTopLevelDomainLength && (is_domain_char(text.at(run)) || text.at(run) == '-')) ++run;
  for (std::size_t end = run; end > at; --end) {
    if (continues_top_level_domain(text.at(end))) continue;
    std::string label;
    for (std::size_t i = at; i < end; ++i) append_utf8(label, to_lower(text.at(i)));
    if (is_top_level_domain(label)) return end;
  }
  if (text.matches_ignoring_case(at, "xn--") && is_ascii_alnum(text.at(at + 4))) {
    std::size_t end = at + 4;
    while (is_ascii_alnum(text.at(end))) ++end;
    return end;
  }
  return at;
}

struct Label {
  std::size_t end = 0;  // where its dot is
  bool has_underscore = false;
};

// twitter-text's valid_url_balanced_parens: "(" then path characters, or path characters around one nested
// parenthesised group, then ")". Returns the end after ")" or `at` when there is none.
std::size_t balanced_parens_end(const CodePoints& text, std::size_t at) {
  std::size_t pos = at + 1;
  while (is_path_char(text.at(pos))) ++pos;
  if (text.at(pos) == ')' && pos > at + 1) return pos + 1;
  if (text.at(pos) != '(') return at;
  std::size_t inner = pos + 1;
  while (is_path_char(text.at(inner))) ++inner;
  if (text.at(inner) != ')' || inner == pos + 1) return at;
  std::size_t after = inner + 1;
  while (is_path_char(text.at(after))) ++after;
  return text.at(after) == ')' ? after + 1 : at;
}

// The path after its first "/": path characters and balanced parentheses, up to the last point where it ends in
// an ending character or a parenthesised group (so "…/page." and "…/page)" leave the punctuation out).
std::size_t path_end(const CodePoints& text, std::size_t at) {
  std::size_t pos = at;
  std::size_t end = at;
  for (;;) {
    const char32_t c = text.at(pos);
    if (c == '(') {
      const std::size_t group_end = balanced_parens_end(text, pos);
      if (group_end == pos) break;
      pos = group_end;
      end = pos;
    } else if (is_path_char(c)) {
      ++pos;
      if (is_path_ending_char(c)) end = pos;
    } else {
      break;
    }
  }
  return end;
}

}  // namespace

// twitter-text's valid_domain: subdomains, then a domain name (no underscore), then a top-level domain. The
// regular expression backtracks from the most subdomains to the fewest; so does this.
std::size_t url_domain_end(const CodePoints& text, std::size_t at) {
  std::vector<Label> labels;
  std::size_t pos = at;
  for (;;) {
    const std::size_t start = pos;
    bool has_underscore = false;
    while (is_domain_char(text.at(pos)) || text.at(pos) == '-' || text.at(pos) == '_') {
      has_underscore = has_underscore || text.at(pos) == '_';
      ++pos;
    }
    if (pos == start || text.at(pos) != '.' || !is_domain_char(text.at(start)) || !is_domain_char(text.at(pos - 1))) {
      break;
    }
    labels.push_back({pos, has_underscore});
    ++pos;
  }
  for (std::size_t k = labels.size(); k > 0; --k) {
    const Label& domain_name = labels[k - 1];
    if (domain_name.has_underscore) continue;
    const std::size_t tld_start = domain_name.end + 1;
    const std::size_t tld_end = top_level_domain_end(text, tld_start);
    if (tld_end > tld_start) return tld_end;
  }
  return at;
}

bool is_valid_url_preceding_char(char32_t c) {
  return !is_ascii_alnum(c) && c != '@' && c != 0xFF20 && c != '$' && c != '#' && c != 0xFF03 &&
         !is_invalid_character(c);
}

// "?" and query characters up to the last query ending character.
std::size_t url_query_end(const CodePoints& text, std::size_t at) {
  std::size_t end = at;
  for (std::size_t pos = at + 1; is_query_char(text.at(pos)); ++pos) {
    if (is_query_ending_char(text.at(pos))) end = pos + 1;
  }
  return end;
}

std::vector<TokenSpan> scan_urls(const CodePoints& text) {
  std::vector<TokenSpan> urls;
  // The regular expression consumes the character before a link, so it cannot be the last one of the previous.
  std::size_t consumed = 0;
  for (std::size_t begin = 0; begin < text.size(); ++begin) {
    const std::size_t scheme_length = scheme_length_at(text, begin);
    if (scheme_length == 0) continue;
    if (begin > 0 && (begin - 1 < consumed || !is_valid_url_preceding_char(text.before(begin)))) continue;
    const std::size_t host_start = begin + scheme_length;
    std::size_t end = url_domain_end(text, host_start);
    if (end == host_start) continue;
    if (text.at(end) == ':' && is_ascii_digit(text.at(end + 1))) {
      ++end;
      while (is_ascii_digit(text.at(end))) ++end;
    }
    if (text.at(end) == '/') end = path_end(text, end + 1);
    if (text.at(end) == '?') end = url_query_end(text, end);
    consumed = end;
    if (end - begin > kMaxUrlLength) continue;
    urls.push_back({TokenKind::url, begin, end, end});
    begin = end - 1;
  }
  return urls;
}

}  // namespace vmst::text
