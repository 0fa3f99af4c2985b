// Mentions as Mastodon's Extractor finds them: Account::MENTION_RE, then twitter-text's end_mention_match check on
// what follows, and Extractor::MAX_DOMAIN_LENGTH.
#include "text/text_scanners.hpp"

namespace vmst::text {
namespace {

constexpr std::size_t kMaxDomainLength = 253;
constexpr std::size_t kMaxPortDigits = 5;
constexpr unsigned kMaxPort = 65535;

bool is_username_char(char32_t c) { return is_ascii_alnum(c) || c == '_'; }

// twitter-text's LATIN_ACCENTS: a mention followed by one of these is a word cut short, not a mention.
bool is_latin_accent(char32_t c) {
  return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x24F) ||
         (c >= 0x253 && c <= 0x254) || (c >= 0x256 && c <= 0x257) || c == 0x259 || c == 0x25B || c == 0x263 ||
         c == 0x268 || c == 0x26F || c == 0x272 || c == 0x289 || c == 0x28B || c == 0x2BB ||
         (c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF);
}

// A run of `is_part` characters, then any number of ([.-]+ run) groups: USERNAME_RE and the domain part of
// MENTION_RE. Separators not followed by another run are left out. Returns `at` when no run starts there.
template <typename IsPart>
std::size_t dotted_run_end(const CodePoints& text, std::size_t at, IsPart is_part) {
  std::size_t end = at;
  while (is_part(text.at(end))) ++end;
  if (end == at) return at;
  for (;;) {
    std::size_t next = end;
    while (text.at(next) == '.' || text.at(next) == '-') ++next;
    if (next == end || !is_part(text.at(next))) return end;
    while (is_part(text.at(next))) ++next;
    end = next;
  }
}

// ":port" after a mention's domain: 1 to 5 digits naming a port from 1 to 65535, not followed by a word character.
std::size_t port_end(const CodePoints& text, std::size_t at) {
  if (text.at(at) != ':') return at;
  std::size_t end = at + 1;
  unsigned port = 0;
  while (is_ascii_digit(text.at(end)) && end - at <= kMaxPortDigits) {
    port = port * 10 + static_cast<unsigned>(text.at(end) - '0');
    ++end;
  }
  if (end == at + 1 || is_ascii_digit(text.at(end)) || is_word_char(text.at(end))) return at;
  return port >= 1 && port <= kMaxPort ? end : at;
}

// twitter-text's end_mention_match.
bool ends_mention_badly(const CodePoints& text, std::size_t at) {
  const char32_t next = text.at(at);
  return next == '@' || next == 0xFF20 || is_latin_accent(next) || text.matches(at, "://");
}

}  // namespace

std::vector<TokenSpan> scan_mentions(const CodePoints& text) {
  std::vector<TokenSpan> mentions;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text.at(at) != '@') continue;
    const char32_t before = text.before(at);
    if (before == '=' || before == '/' || is_word_char(before)) continue;
    const std::size_t username_end = dotted_run_end(text, at + 1, is_username_char);
    if (username_end == at + 1) continue;
    std::size_t end = username_end;
    if (text.at(end) == '@') {
      const std::size_t domain_end = dotted_run_end(text, end + 1, is_word_char);
      if (domain_end > end + 1) end = port_end(text, domain_end);
    }
    // Whatever the checks below decide, the search goes on after this match, as Ruby's String#scan does.
    const std::size_t match_end = end;
    const bool has_domain = end > username_end;
    if (!ends_mention_badly(text, end) && (!has_domain || end - username_end - 1 <= kMaxDomainLength)) {
      mentions.push_back({TokenKind::mention, at, end, username_end});
    }
    at = match_end - 1;
  }
  return mentions;
}

}  // namespace vmst::text
