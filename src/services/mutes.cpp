#include "services/mutes.hpp"

#include <algorithm>

#include "services/service_error.hpp"
#include "store/feed_merge_store.hpp"
#include "store/ids.hpp"
#include "store/mute_store.hpp"

namespace vmst::services {

void mute(store::Connection& c, const store::AccountRecord& account, const store::AccountRecord& target,
          bool hide_notifications, std::optional<int64_t> duration_seconds, int64_t now) {
  if (duration_seconds && *duration_seconds < 0) {
    throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: Duration must be 0 or more seconds");
  }
  if (account.id == target.id) return;
  std::optional<int64_t> expires_at;
  // Durations beyond a century are "forever" in practice; capping keeps the arithmetic in range.
  if (duration_seconds && *duration_seconds > 0) {
    expires_at = now + std::min<int64_t>(*duration_seconds, int64_t{100} * 366 * 86400) * 1000;
  }
  store::upsert_mute(c, store::next_id(), account.id, target.id, hide_notifications, expires_at, now);
  store::unmerge_from_home_feed(c, account.id, target.id, true);
}

void unmute(store::Connection& c, const store::AccountRecord& account, const store::AccountRecord& target) {
  store::delete_mute(c, account.id, target.id);
}

}  // namespace vmst::services
