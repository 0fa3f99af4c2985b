#include "convert/mastodon/moved_account.hpp"

#include "convert/mastodon/account.hpp"

namespace vmst::convert::mastodon {

nlohmann::json moved_account_json(const store::AccountRecord& account, const store::AccountRecord& moved_to,
                                  const federation::LocalUrls& urls,
                                  const std::vector<store::CustomEmojiRecord>& emojis) {
  auto json = account_json(account, urls, emojis);
  json["moved"] = account_json(moved_to, urls);
  return json;
}

}  // namespace vmst::convert::mastodon
