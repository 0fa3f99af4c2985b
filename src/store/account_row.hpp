#pragma once
// What every read of an account row starts and ends with. The head is who the account is and the texts shown with
// it; the tail the profile images, fields, flags, moderation state, times and counts. Full rows (account_store) put
// the federation columns (keys, collection URLs, note source) between the two; the narrow rows for rendering
// (account_display_store) have nothing between. Both are written and read in one place.
#include <SQLiteCpp/SQLiteCpp.h>

#include "store/account_store.hpp"

namespace vmst::store {

// The SQL of the head, from "SELECT" to a trailing ", ": id, username, domain, actor type, display name, note, URI
// and URL of the account aliased `a`.
extern const char* const kAccountHeadColumns;

// The SQL of the tail; the query aliases accounts as `a` and LEFT JOINs account_stats as `s`.
extern const char* const kAccountTailColumns;

// Reads the head's columns into `a`, starting at column i (advanced past them).
void read_account_head(SQLite::Statement& q, int& i, AccountRecord& a);

// Reads the tail's columns into `a`, starting at column i (advanced past them).
void read_account_tail(SQLite::Statement& q, int& i, AccountRecord& a);

}  // namespace vmst::store
