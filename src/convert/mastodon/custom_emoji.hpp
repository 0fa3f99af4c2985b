#pragma once
// CustomEmoji {shortcode, url, static_url, visible_in_picker, category}.
#include <nlohmann/json.hpp>
#include <vector>

#include "federation/local_urls.hpp"
#include "store/custom_emoji_store.hpp"

namespace vmst::convert::mastodon {

// Local emoji are served from the media folder; static_url is the same image (no still frame is cut from animated
// ones yet).
nlohmann::json custom_emoji_json(const store::CustomEmojiRecord& emoji, const federation::LocalUrls& urls);

// The `emojis` array of a Status or an Account.
nlohmann::json custom_emojis_json(const std::vector<store::CustomEmojiRecord>& emojis,
                                  const federation::LocalUrls& urls);

}  // namespace vmst::convert::mastodon
