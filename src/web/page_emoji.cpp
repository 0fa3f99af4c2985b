#include "web/page_emoji.hpp"

#include "text/html_escape.hpp"
#include "web/page_links.hpp"

namespace vmst::web {

std::vector<text::EmojiImage> page_emoji_images(const std::vector<store::CustomEmojiRecord>& emojis,
                                                const federation::LocalUrls& urls) {
  std::vector<text::EmojiImage> out;
  for (const auto& emoji : emojis) {
    std::string url = emoji.image_path ? urls.media_file(*emoji.image_path) : web_url(emoji.image_remote_url.value_or(""));
    if (url == "#" || url.empty()) continue;
    out.push_back({emoji.shortcode, std::move(url)});
  }
  return out;
}

std::string text_with_emoji(const std::string& plain, const std::vector<text::EmojiImage>& emojis) {
  return text::with_custom_emoji(text::html_escaped(plain), emojis);
}

std::string html_with_emoji(const std::string& html, const std::vector<text::EmojiImage>& emojis) {
  return text::with_custom_emoji(html, emojis);
}

}  // namespace vmst::web
