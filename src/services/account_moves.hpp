#pragma once
// A remote account moving to another (an incoming Move), as Mastodon's ActivityPub Move handler and MoveWorker.
//
// No notification is created: Mastodon's `move` notification type is not one its client API lists for users (its
// MoveWorker re-follows silently); followers learn of the move from the old account's `moved` field, which
// clients show as a banner on its profile.
#include <cstdint>
#include <optional>
#include <string>

#include "services/outbox.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

// Why `origin` may not move to `target` (as fetched just now), or nullopt when the Move is valid:
// the Move's object must be the origin itself; the target must be another account that is not suspended, has not
// moved on itself (no loops, no chains), and lists the origin in its alsoKnownAs.
std::optional<std::string> move_refusal(const store::AccountRecord& origin, const std::string& object_id,
                                        const store::AccountRecord& target);

// Records the move and moves the origin's local followers: each follows the target with the same reblogs, notify
// and languages choices (a Follow to a remote target) and stops following the origin (Undo{Follow}). A follower
// who may not follow the target (blocks either way) only stays behind. Returns how many followers moved.
// Runs inside the caller's write transaction.
int move_followers(store::Connection& c, Outbox& outbox, const store::AccountRecord& origin,
                   const store::AccountRecord& target, int64_t now);

}  // namespace vmst::services
