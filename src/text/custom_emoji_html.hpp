#pragma once
// Custom emoji drawn as pictures in server-rendered HTML, as Mastodon's EmojiFormatter draws them on its pages:
// each :shortcode: in the text (never inside a tag or an attribute) that names one of the given emoji becomes an
// <img> with alt and title ":shortcode:". Runs on HTML that is already safe (rendered by vmst, or sanitised on
// arrival, or escaped plain text): it only adds images whose attributes it escapes itself.
#include <string>
#include <string_view>
#include <vector>

namespace vmst::text {

struct EmojiImage {
  std::string shortcode;
  std::string url;  // http(s) or a path on this server; the caller vouches for it
};

// `html` with the known shortcodes replaced; shortcodes are found as CustomEmoji::SCAN_RE finds them.
std::string with_custom_emoji(std::string_view html, const std::vector<EmojiImage>& emojis);

}  // namespace vmst::text
