#include "convert/mastodon/conversation.hpp"

#include "convert/mastodon/account.hpp"
#include "convert/mastodon/status.hpp"

namespace vmst::convert::mastodon {

nlohmann::json conversation_json(const store::AccountConversationRecord& conversation,
                                 const std::vector<const store::AccountRecord*>& accounts,
                                 const StatusBundle& statuses, const federation::LocalUrls& urls) {
  nlohmann::json people = nlohmann::json::array();
  for (const auto* account : accounts)
    if (account) people.push_back(account_json(*account, urls));
  return {
      {"id", std::to_string(conversation.id)},
      {"unread", conversation.unread},
      {"accounts", std::move(people)},
      {"last_status", conversation.last_status_id ? status_json(statuses, *conversation.last_status_id, urls)
                                                  : nlohmann::json()},
  };
}

}  // namespace vmst::convert::mastodon
