#pragma once
// Following rules. These run inside the caller's write transaction (the Connection it holds), so that what they
// record commits together with the activities they queue for delivery (through an Outbox).
#include <optional>
#include <string>
#include <vector>

#include "services/outbox.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

enum class FollowOutcome {
  Accepted,          // now following; the target was notified
  AlreadyFollowing,  // nothing changed (a repeated Follow); the caller may confirm again
  Pending,           // the target approves followers by hand: a follow request was recorded and notified
  Refused,           // the target blocks the follower (or the follower's domain)
};

// `follower` (a remote actor) asks to follow the local account `target`.
FollowOutcome record_incoming_follow(store::Connection& c, const store::AccountRecord& follower,
                                     const store::AccountRecord& target, const std::optional<std::string>& follow_uri,
                                     int64_t now);

// `follower` stops following `target` (or withdraws its request). True when something was removed.
bool record_unfollow(store::Connection& c, const store::AccountRecord& follower, const store::AccountRecord& target);

// What a follower chooses per follow; unset fields keep their current value (or the default for a new follow).
struct FollowOptions {
  std::optional<bool> reblogs;                          // show their reblogs in my home feed (default true)
  std::optional<bool> notify;                           // notify me of their posts (default false)
  std::optional<std::vector<std::string>> languages;    // only these languages; empty = all
};

// The local account `follower` follows `target`, as Mastodon's FollowService:
// - itself or a suspended account: ServiceError NotFound; blocked either way or a domain the follower blocks:
//   ServiceError Forbidden ("This action is not allowed");
// - already following or requested: only the options change;
// - a local unlocked account: followed at once (follow notification, its recent statuses join the home feed);
//   a local locked one: a follow request (follow_request notification);
// - a remote account: a follow request with a Follow activity sent to it; it becomes a follow when the Accept
//   arrives (accept_outgoing_follow).
void follow(store::Connection& c, Outbox& outbox, const store::AccountRecord& follower,
            const store::AccountRecord& target, const FollowOptions& options, int64_t now);

// Ends the follow or withdraws the request (Undo{Follow} to a remote target); the target's statuses leave the
// home feed.
void unfollow(store::Connection& c, Outbox& outbox, const store::AccountRecord& follower,
              const store::AccountRecord& target, int64_t now);

// The local account `account` removes `follower` from its followers (Reject{Follow} to a remote follower).
void remove_from_followers(store::Connection& c, Outbox& outbox, const store::AccountRecord& account,
                           const store::AccountRecord& follower, int64_t now);

// The local account `target` answers `requester`'s follow request: authorizing turns it into a follow (Accept to a
// remote requester), rejecting drops it (Reject). ServiceError NotFound when there is no such request.
void authorize_follow_request(store::Connection& c, Outbox& outbox, const store::AccountRecord& target,
                              const store::AccountRecord& requester, int64_t now);
void reject_follow_request(store::Connection& c, Outbox& outbox, const store::AccountRecord& target,
                           const store::AccountRecord& requester, int64_t now);

// The remote account `target` accepted (or rejected) the local `follower`'s Follow. True when a pending request
// became a follow (or when a request or follow was dropped).
bool accept_outgoing_follow(store::Connection& c, const store::AccountRecord& follower,
                            const store::AccountRecord& target, int64_t now);
bool reject_outgoing_follow(store::Connection& c, const store::AccountRecord& follower,
                            const store::AccountRecord& target);

// How many of the target's recent statuses a new follow brings into the follower's home feed.
inline constexpr int kFeedMergeLimit = 200;

}  // namespace vmst::services
