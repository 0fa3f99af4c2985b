#pragma once
// Conversation {id, unread, accounts, last_status}: a direct-message thread as one participant sees it.
#include <nlohmann/json.hpp>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/conversation_store.hpp"

namespace vmst::convert::mastodon {

// `accounts` are the other participants as loaded (missing ones are left out); last_status comes from the bundle
// and is null when it is gone.
nlohmann::json conversation_json(const store::AccountConversationRecord& conversation,
                                 const std::vector<const store::AccountRecord*>& accounts,
                                 const StatusBundle& statuses, const federation::LocalUrls& urls);

}  // namespace vmst::convert::mastodon
