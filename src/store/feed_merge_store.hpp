#pragma once
// SQL that changes whose statuses sit in a home feed when a relationship changes: a new follow brings the
// account's recent statuses in, an unfollow, block or mute takes them out (posting adds new statuses as they come).
#include <cstdint>

#include "store/database.hpp"

namespace vmst::store {

// Adds up to `limit` of the author's most recent statuses that belong in a follower's feed (not direct, not
// replies to others) to `reader`'s home feed.
void merge_into_home_feed(Connection& c, int64_t reader, int64_t author, int limit);

// Removes the author's statuses and reblogs from `reader`'s home feed; with reblogs_of_author also other
// accounts' reblogs of them (for blocks and mutes, which hide the author everywhere).
void unmerge_from_home_feed(Connection& c, int64_t reader, int64_t author, bool reblogs_of_author);

}  // namespace vmst::store
