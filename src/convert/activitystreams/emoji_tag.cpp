#include "convert/activitystreams/emoji_tag.hpp"

#include "convert/activitystreams/remote_actor.hpp"
#include "text/custom_emoji_shortcode.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::as {

namespace {

std::optional<std::string> icon_url(const nlohmann::json& icon) {
  if (icon.is_string()) return icon.get<std::string>();
  if (icon.is_array()) {
    for (const auto& item : icon)
      if (auto url = icon_url(item)) return url;
    return std::nullopt;
  }
  if (!icon.is_object()) return std::nullopt;
  auto url = icon.find("url");
  if (url == icon.end()) return std::nullopt;
  if (url->is_string()) return url->get<std::string>();
  return id_of(*url);
}

bool is_web_url(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

}  // namespace

nlohmann::json emoji_tag(const store::CustomEmojiRecord& emoji, const federation::LocalUrls& urls) {
  // Mastodon's path for a local emoji's id.
  return {{"id", urls.base() + "/emojis/" + std::to_string(emoji.id)},
          {"type", "Emoji"},
          {"name", ":" + emoji.shortcode + ":"},
          {"updated", format_iso8601_seconds(emoji.updated_at)},
          {"icon",
           {{"type", "Image"},
            {"mediaType", emoji.image_content_type.value_or("image/png")},
            {"url", emoji.image_path ? urls.media_file(*emoji.image_path) : emoji.image_remote_url.value_or("")}}}};
}

std::vector<RemoteEmoji> parse_emoji_tags(const nlohmann::json& tags) {
  std::vector<RemoteEmoji> out;
  const nlohmann::json list = tags.is_object() ? nlohmann::json::array({tags}) : tags;
  if (!list.is_array()) return out;
  for (const auto& tag : list) {
    if (!tag.is_object() || tag.value("type", "") != "Emoji") continue;
    auto name = tag.find("name");
    if (name == tag.end() || !name->is_string()) continue;
    std::string shortcode = name->get<std::string>();
    if (shortcode.size() >= 2 && shortcode.front() == ':' && shortcode.back() == ':') {
      shortcode = shortcode.substr(1, shortcode.size() - 2);
    }
    if (!text::is_valid_emoji_shortcode(shortcode)) continue;
    auto url = icon_url(tag.value("icon", nlohmann::json()));
    if (!url || !is_web_url(*url)) continue;
    RemoteEmoji emoji{shortcode, *url, id_of(tag.value("id", nlohmann::json())), std::nullopt};
    if (auto updated = tag.find("updated"); updated != tag.end() && updated->is_string()) {
      emoji.updated = parse_iso8601(updated->get<std::string>());
    }
    out.push_back(std::move(emoji));
  }
  return out;
}

}  // namespace vmst::convert::as
