#pragma once
// Accounts as the Mastodon client API shows them. Every documented key is present (client-api.md §3, "Account"):
// Tusky's parser throws on a missing one, and `acct` is the bare username for local accounts.
#include <nlohmann/json.hpp>
#include <string>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/custom_emoji_store.hpp"

namespace vmst::convert::mastodon {

// "alice" for a local account, "alice@remote.example" for a remote one.
std::string acct_of(const store::AccountRecord& account);

// `emojis`: the custom emoji its name, bio and fields use (services/emoji_usage).
nlohmann::json account_json(const store::AccountRecord& account, const federation::LocalUrls& urls,
                            const std::vector<store::CustomEmojiRecord>& emojis = {});

struct AccountSource {
  std::string privacy = "public";
  bool sensitive = false;
  std::optional<std::string> language;
  int64_t follow_requests_count = 0;
  std::string role = "user";
};

// The owner's own view (verify_credentials, update_credentials): the account plus `source` and `role`.
nlohmann::json credential_account_json(const store::AccountRecord& account, const AccountSource& source,
                                       const federation::LocalUrls& urls,
                                       const std::vector<store::CustomEmojiRecord>& emojis = {});

}  // namespace vmst::convert::mastodon
