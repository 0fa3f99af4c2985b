#include "text/custom_emoji_shortcode.hpp"

#include <unordered_set>

#include "text/text_scanners.hpp"

namespace vmst::text {

bool is_valid_emoji_shortcode(std::string_view shortcode) {
  if (shortcode.size() < 2) return false;
  for (char c : shortcode) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::vector<std::string> custom_emoji_shortcodes_in(std::string_view text) {
  std::vector<std::string> out;
  // Most names and posts have no colon at all: skip decoding them.
  if (text.find(':') == std::string_view::npos) return out;
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
