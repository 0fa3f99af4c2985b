#pragma once
// Row ids: 64-bit, time-sortable, rendered as decimal strings in the API.
//   id = (unix_millis << 16) | sequence
// Within this process ids are strictly increasing (an atomic high-water mark). The sequence of each new
// millisecond starts at a random offset below 2^15, so a second process (a CLI command next to the running
// server) is unlikely to mint the same id in the same millisecond; the UNIQUE primary key catches the rest.
#include <cstdint>

namespace vmst::store {

// Thread-safe; callable from any thread.
int64_t next_id();

// An id for a moment other than now (remote statuses are ordered by their published time, as in Mastodon).
// Not guaranteed unique: insert it and retry with another on conflict.
int64_t id_for_time(int64_t unix_millis);

// The millisecond timestamp an id was minted for.
constexpr int64_t id_time_millis(int64_t id) { return id >> 16; }

}  // namespace vmst::store
