#pragma once
// FamiliarFollowers {id, accounts[]}: who among the accounts the viewer follows also follows account `id`.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"

namespace vmst::convert::mastodon {

nlohmann::json familiar_followers_json(int64_t account_id, const std::vector<store::AccountRecord>& accounts,
                                       const federation::LocalUrls& urls);

}  // namespace vmst::convert::mastodon
