#include "convert/mastodon/custom_emoji.hpp"

#include "convert/mastodon/render_fingerprints.hpp"

namespace vmst::convert::mastodon {

nlohmann::json custom_emoji_json(const store::CustomEmojiRecord& emoji, const federation::LocalUrls& urls) {
  const std::string url = emoji.image_path ? urls.media_file(*emoji.image_path) : emoji.image_remote_url.value_or("");
  return {{"shortcode", emoji.shortcode},
          {"url", url},
          {"static_url", url},
          {"visible_in_picker", emoji.visible_in_picker},
          {"category", emoji.category ? nlohmann::json(*emoji.category) : nlohmann::json()}};
}

nlohmann::json custom_emojis_json(const std::vector<store::CustomEmojiRecord>& emojis,
                                  const federation::LocalUrls& urls) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& emoji : emojis) out.push_back(custom_emoji_json(emoji, urls));
  return out;
}

void add_custom_emoji_inputs(Fingerprint& f, const std::vector<store::CustomEmojiRecord>& emojis) {
  f.add(static_cast<int64_t>(emojis.size()));
  for (const auto& e : emojis) {
    f.add(e.shortcode).add(e.image_path).add(e.image_remote_url).add(e.visible_in_picker).add(e.category);
  }
}

}  // namespace vmst::convert::mastodon
