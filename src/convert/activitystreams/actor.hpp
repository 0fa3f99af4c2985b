#pragma once
// Local accounts as ActivityStreams actors, shaped as Mastodon shapes them (its ActorSerializer), because every
// peer was written against that shape.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/custom_emoji_store.hpp"

namespace vmst::convert::as {

// A local Person/Service/Group, or the instance actor (Application). `domain` is the instance domain, for the
// FEP-2c59 `webfinger` handle. `emojis`: the custom emoji its name, bio and fields use, sent as Emoji tags.
nlohmann::json local_actor(const store::AccountRecord& account, const federation::LocalUrls& urls,
                           const std::string& domain, const std::vector<store::CustomEmojiRecord>& emojis = {});

}  // namespace vmst::convert::as
