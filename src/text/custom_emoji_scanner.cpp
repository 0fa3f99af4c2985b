// Custom emoji shortcodes as CustomEmoji::SCAN_RE finds them:
//   (?<=[^[:alnum:]:]|\n|^) :([a-zA-Z0-9_]{2,}): (?=[^[:alnum:]:]|$)
#include "text/text_scanners.hpp"

namespace vmst::text {
namespace {

constexpr std::size_t kMinShortcodeLength = 2;

bool is_shortcode_char(char32_t c) { return is_ascii_alnum(c) || c == '_'; }

// Neither a letter or digit of any script nor a colon: what may stand next to a shortcode. The start and end of
// the text (kNoCharacter) qualify too.
bool may_border_shortcode(char32_t c) { return !is_alnum(c) && c != ':'; }

}  // namespace

std::vector<TokenSpan> scan_custom_emoji(const CodePoints& text) {
  std::vector<TokenSpan> emoji;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text.at(at) != ':' || !may_border_shortcode(text.before(at))) continue;
    std::size_t close = at + 1;
    while (is_shortcode_char(text.at(close))) ++close;
    if (close - at - 1 < kMinShortcodeLength || text.at(close) != ':') continue;
    if (!may_border_shortcode(text.at(close + 1))) continue;
    emoji.push_back({TokenKind::custom_emoji, at, close + 1, close + 1});
    at = close;
  }
  return emoji;
}

}  // namespace vmst::text
