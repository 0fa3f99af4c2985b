#pragma once
// Custom emoji as ActivityStreams `Emoji` tags (toot:Emoji), both ways:
//   {"id": ".../emojis/1", "type": "Emoji", "name": ":blobcat:", "updated": "...",
//    "icon": {"type": "Image", "mediaType": "image/png", "url": ".../blobcat.png"}}
// Other servers vary (federation.md §11): Pleroma and Misskey may omit id and mediaType, write the name with or
// without colons, and give icon.url as a string or a Link; the reader takes all of these.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "federation/local_urls.hpp"
#include "store/custom_emoji_store.hpp"

namespace vmst::convert::as {

// A local emoji (with an image) as the tag the Note or actor that uses it carries.
nlohmann::json emoji_tag(const store::CustomEmojiRecord& emoji, const federation::LocalUrls& urls);

struct RemoteEmoji {
  std::string shortcode;  // without colons
  std::string image_url;
  std::optional<std::string> uri;
  std::optional<int64_t> updated;
};

// The usable Emoji tags among `tags` (an array, or a single tag object as JSON-LD compaction writes it): those with
// a valid shortcode and an http(s) icon URL.
std::vector<RemoteEmoji> parse_emoji_tags(const nlohmann::json& tags);

}  // namespace vmst::convert::as
