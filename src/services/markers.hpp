#pragma once
// Read positions in the home timeline and notifications. A timeline never saved reads as position "0", version 0,
// because Elk reads the notifications marker without checking that it exists.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "store/marker_store.hpp"

namespace vmst::services {

// home, notifications.
bool known_marker_timeline(const std::string& timeline);

// One marker per requested known timeline (in request order, each once); unknown names are skipped.
std::vector<store::MarkerRecord> get_markers(store::Database& db, int64_t account_id,
                                             const std::vector<std::string>& timelines);

// Saves (timeline, last_read_id) pairs in one transaction and returns the stored markers. Unknown timelines are
// ignored.
std::vector<store::MarkerRecord> save_markers(store::Database& db, int64_t account_id,
                                              const std::vector<std::pair<std::string, int64_t>>& positions);

}  // namespace vmst::services
