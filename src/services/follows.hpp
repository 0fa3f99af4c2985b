#pragma once
// Following rules. These run inside the caller's write transaction (the Connection it holds), so that what they
// record commits together with the activities the caller enqueues for delivery.
#include <optional>
#include <string>

#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

enum class FollowOutcome {
  Accepted,          // now following; the target was notified
  AlreadyFollowing,  // nothing changed (a repeated Follow); the caller may confirm again
  Pending,           // the target approves followers by hand: a follow request was recorded and notified
  Refused,           // the target blocks the follower
};

// `follower` asks to follow the local account `target`.
FollowOutcome record_incoming_follow(store::Connection& c, const store::AccountRecord& follower,
                                     const store::AccountRecord& target, const std::optional<std::string>& follow_uri,
                                     int64_t now);

// `follower` stops following `target` (or withdraws its request). True when something was removed.
bool record_unfollow(store::Connection& c, const store::AccountRecord& follower, const store::AccountRecord& target);

}  // namespace vmst::services
