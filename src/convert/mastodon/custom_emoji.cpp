#include "convert/mastodon/custom_emoji.hpp"

namespace vmst::convert::mastodon {

nlohmann::json custom_emoji_json(const store::CustomEmojiRecord& emoji, const federation::LocalUrls& urls) {
  const std::string url = emoji.image_path ? urls.media_file(*emoji.image_path) : emoji.image_remote_url.value_or("");
  return {{"shortcode", emoji.shortcode},
          {"url", url},
          {"static_url", url},
          {"visible_in_picker", emoji.visible_in_picker},
          {"category", emoji.category ? nlohmann::json(*emoji.category) : nlohmann::json()}};
}

}  // namespace vmst::convert::mastodon
