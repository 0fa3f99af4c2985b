#include "services/remote_emojis.hpp"

#include <algorithm>

#include "store/custom_emoji_store.hpp"
#include "store/domain_block_store.hpp"
#include "store/ids.hpp"

namespace vmst::services {

namespace {
// A Note may carry any number of tags; more than this many emoji on one object is not a post but a flood.
constexpr std::size_t kMaxEmojiPerObject = 100;
}  // namespace

void record_remote_emojis(store::Connection& c, const std::string& domain,
                          const std::vector<convert::as::RemoteEmoji>& emojis, int64_t now) {
  if (domain.empty()) return;
  // A reject-media domain block: its emoji images are not taken in either.
  if (store::rejects_media_from(c, domain)) return;
  std::string host = domain;
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char ch) { return std::tolower(ch); });
  for (std::size_t i = 0; i < emojis.size() && i < kMaxEmojiPerObject; ++i) {
    const auto& seen = emojis[i];
    if (auto existing = store::find_custom_emoji(c, seen.shortcode, host)) {
      const bool moved = existing->image_remote_url != seen.image_url;
      const bool newer = seen.updated && *seen.updated > existing->updated_at;
      if (!moved && !newer) continue;
      existing->image_remote_url = seen.image_url;
      existing->uri = seen.uri;
      // A cached copy of the old image no longer matches.
      existing->image_path = std::nullopt;
      existing->image_content_type = std::nullopt;
      existing->updated_at = seen.updated.value_or(now);
      store::update_custom_emoji(c, *existing);
      continue;
    }
    store::CustomEmojiRecord record;
    record.id = store::next_id();
    record.shortcode = seen.shortcode;
    record.domain = host;
    record.uri = seen.uri;
    record.image_remote_url = seen.image_url;
    record.created_at = now;
    record.updated_at = seen.updated.value_or(now);
    store::insert_custom_emoji(c, record);
  }
}

}  // namespace vmst::services
