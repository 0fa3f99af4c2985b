#pragma once
// Custom emoji seen on other servers, kept per domain (as Mastodon's ProcessEmojiService keeps them): a Note's or
// an actor's Emoji tags name them, and the text that uses them is rendered with them later.
#include <cstdint>
#include <string>
#include <vector>

#include "convert/activitystreams/emoji_tag.hpp"
#include "store/database.hpp"

namespace vmst::services {

// Inserts the emoji not yet known for `domain`, and updates those whose image URL changed or that say they were
// updated since we stored them. Images are not fetched: clients load them from the remote URL.
void record_remote_emojis(store::Connection& c, const std::string& domain,
                          const std::vector<convert::as::RemoteEmoji>& emojis, int64_t now);

}  // namespace vmst::services
