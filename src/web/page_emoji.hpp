#pragma once
// Custom emoji on the public pages: statuses, names, bios and profile fields show the pictures of the emoji their
// own server has (ours for local accounts, the ones stored per domain for remote ones), as Mastodon's pages do.
#include <string>
#include <vector>

#include "federation/local_urls.hpp"
#include "store/custom_emoji_store.hpp"
#include "text/custom_emoji_html.hpp"

namespace vmst::web {

// The emoji a page may draw: a local one from the media folder, a remote one from its server; an emoji without a
// usable http(s) image is left out (its :shortcode: stays text).
std::vector<text::EmojiImage> page_emoji_images(const std::vector<store::CustomEmojiRecord>& emojis,
                                                const federation::LocalUrls& urls);

// Plain text (a display name, a content warning, a field name) as escaped HTML with its emoji drawn.
std::string text_with_emoji(const std::string& plain, const std::vector<text::EmojiImage>& emojis);

// Safe HTML (content, bio, field values) with its emoji drawn.
std::string html_with_emoji(const std::string& html, const std::vector<text::EmojiImage>& emojis);

}  // namespace vmst::web
