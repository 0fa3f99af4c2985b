#include "convert/mastodon/familiar_followers.hpp"

#include "convert/mastodon/account.hpp"

namespace vmst::convert::mastodon {

nlohmann::json familiar_followers_json(int64_t account_id, const std::vector<store::AccountRecord>& accounts,
                                       const federation::LocalUrls& urls) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& account : accounts) list.push_back(account_json(account, urls));
  return {{"id", std::to_string(account_id)}, {"accounts", std::move(list)}};
}

}  // namespace vmst::convert::mastodon
