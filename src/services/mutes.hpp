#pragma once
// Muting accounts: local only (never federated), optionally for a while and optionally sparing notifications.
#include <cstdint>
#include <optional>

#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

// duration_seconds: 0 or unset = until unmuted; negative: ServiceError Invalid. Muting again replaces the
// settings. The muted account's statuses and reblogs leave the home feed. Muting oneself does nothing.
void mute(store::Connection& c, const store::AccountRecord& account, const store::AccountRecord& target,
          bool hide_notifications, std::optional<int64_t> duration_seconds, int64_t now);

void unmute(store::Connection& c, const store::AccountRecord& account, const store::AccountRecord& target);

}  // namespace vmst::services
