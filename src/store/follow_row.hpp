#pragma once
// Reading a follows (or follow_requests) row into a FollowRecord, for the stores that select them. Kept out of
// follow_store.hpp, which most of the code includes.
#include <SQLiteCpp/SQLiteCpp.h>

#include "store/follow_store.hpp"

namespace vmst::store {

// Columns, in order: id, account_id, target_account_id, uri, show_reblogs, notify, languages, created_at.
FollowRecord read_follow(SQLite::Statement& q);

}  // namespace vmst::store
