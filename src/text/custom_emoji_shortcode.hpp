#pragma once
// Custom emoji shortcodes outside status parsing: checking one an admin names, and finding those used in a display
// name, a bio or a remote status's HTML (Mastodon's CustomEmoji.from_text scans any text the same way).
#include <string>
#include <string_view>
#include <vector>

namespace vmst::text {

// CustomEmoji::SHORTCODE_RE_FRAGMENT: two or more ASCII letters, digits or underscores.
bool is_valid_emoji_shortcode(std::string_view shortcode);

// The distinct shortcodes written as :shortcode: in `text`, in order of first appearance.
std::vector<std::string> custom_emoji_shortcodes_in(std::string_view text);

}  // namespace vmst::text
