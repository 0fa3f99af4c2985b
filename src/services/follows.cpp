#include "services/follows.hpp"

#include "store/follow_store.hpp"
#include "store/ids.hpp"
#include "store/notification_store.hpp"

namespace vmst::services {

FollowOutcome record_incoming_follow(store::Connection& c, const store::AccountRecord& follower,
                                     const store::AccountRecord& target, const std::optional<std::string>& follow_uri,
                                     int64_t now) {
  if (store::is_blocking(c, target.id, follower.id)) return FollowOutcome::Refused;
  if (store::is_following(c, follower.id, target.id)) return FollowOutcome::AlreadyFollowing;
  if (target.locked) {
    if (store::insert_follow_request(c, store::next_id(), follower.id, target.id, follow_uri, now)) {
      store::insert_notification(c, {store::next_id(), target.id, follower.id, "follow_request", std::nullopt, now});
    }
    return FollowOutcome::Pending;
  }
  store::insert_follow(c, store::next_id(), follower.id, target.id, follow_uri, now);
  store::insert_notification(c, {store::next_id(), target.id, follower.id, "follow", std::nullopt, now});
  return FollowOutcome::Accepted;
}

bool record_unfollow(store::Connection& c, const store::AccountRecord& follower, const store::AccountRecord& target) {
  bool removed = store::delete_follow(c, follower.id, target.id);
  bool withdrawn = store::delete_follow_request(c, follower.id, target.id);
  if (removed) store::delete_notifications(c, target.id, follower.id, "follow");
  if (withdrawn) store::delete_notifications(c, target.id, follower.id, "follow_request");
  return removed || withdrawn;
}

}  // namespace vmst::services
