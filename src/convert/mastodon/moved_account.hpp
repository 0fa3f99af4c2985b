#pragma once
// An account that moved (moved_to_account_id set), as Mastodon shows one account: `moved` holds the account it
// moved to.
#include <nlohmann/json.hpp>
#include <vector>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/custom_emoji_store.hpp"

namespace vmst::convert::mastodon {

nlohmann::json moved_account_json(const store::AccountRecord& account, const store::AccountRecord& moved_to,
                                  const federation::LocalUrls& urls,
                                  const std::vector<store::CustomEmojiRecord>& emojis = {});

}  // namespace vmst::convert::mastodon
