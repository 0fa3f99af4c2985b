#pragma once
// MutedAccount (GET /api/v1/mutes): an Account plus when the mute ends.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"

namespace vmst::convert::mastodon {

// mute_expires_at is null for a mute without an end.
nlohmann::json muted_account_json(const store::AccountRecord& account, std::optional<int64_t> expires_at,
                                  const federation::LocalUrls& urls);

}  // namespace vmst::convert::mastodon
