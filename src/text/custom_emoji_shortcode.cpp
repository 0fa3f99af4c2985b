#include "text/custom_emoji_shortcode.hpp"

#include <unordered_set>

#include "text/text_scanners.hpp"

namespace vmst::text {

namespace {

bool is_shortcode_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Whether `text` has a colon, two or more shortcode characters, and a colon: what any shortcode needs, checked on
// bytes. Most names and posts have none (a link's "https:" is not one), and then decoding them is skipped.
bool has_shortcode_shape(std::string_view text) {
  for (std::size_t open = text.find(':'); open != std::string_view::npos; open = text.find(':', open + 1)) {
    std::size_t end = open + 1;
    while (end < text.size() && is_shortcode_char(text[end])) ++end;
    if (end < text.size() && text[end] == ':' && end - open > 2) return true;
  }
  return false;
}

}  // namespace

bool is_valid_emoji_shortcode(std::string_view shortcode) {
  if (shortcode.size() < 2) return false;
  for (char c : shortcode) {
    if (!is_shortcode_char(c)) return false;
  }
  return true;
}

std::vector<std::string> custom_emoji_shortcodes_in(std::string_view text) {
  std::vector<std::string> out;
  if (!has_shortcode_shape(text)) return out;
  const CodePoints code_points(text);
  std::unordered_set<std::string> seen;
  for (const auto& span : scan_custom_emoji(code_points)) {
    const std::size_t from = code_points.offset(span.begin + 1);
    std::string shortcode(text.substr(from, code_points.offset(span.end - 1) - from));
    if (seen.insert(shortcode).second) out.push_back(std::move(shortcode));
  }
  return out;
}

}  // namespace vmst::text
