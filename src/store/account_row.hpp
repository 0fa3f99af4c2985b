#pragma once
// What every read of an account row ends with: the profile images, fields, flags, moderation state, times and
// counts. Full rows (account_store) and the narrow rows for rendering (account_display_store) select different
// leading columns but share this tail, so it is written and read in one place.
#include <SQLiteCpp/SQLiteCpp.h>

#include "store/account_store.hpp"

namespace vmst::store {

// The SQL of the tail; the query aliases accounts as `a` and LEFT JOINs account_stats as `s`.
extern const char* const kAccountTailColumns;

// Reads the tail's columns into `a`, starting at column i (advanced past them).
void read_account_tail(SQLite::Statement& q, int& i, AccountRecord& a);

}  // namespace vmst::store
