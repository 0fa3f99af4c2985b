#include "convert/mastodon/muted_account.hpp"

#include "convert/mastodon/account.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::mastodon {

nlohmann::json muted_account_json(const store::AccountRecord& account, std::optional<int64_t> expires_at,
                                  const federation::LocalUrls& urls) {
  auto json = account_json(account, urls);
  json["mute_expires_at"] = expires_at ? nlohmann::json(format_iso8601_millis(*expires_at)) : nlohmann::json();
  return json;
}

}  // namespace vmst::convert::mastodon
