#pragma once
// SQL for markers: the last item each user read in their home timeline and notifications.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct MarkerRecord {
  std::string timeline;  // home | notifications
  int64_t last_read_id = 0;
  int64_t version = 0;  // counts saves, for clients that detect concurrent updates
  int64_t updated_at = 0;
};

std::vector<MarkerRecord> find_markers(Connection& c, int64_t account_id);
std::optional<MarkerRecord> find_marker(Connection& c, int64_t account_id, const std::string& timeline);

// Creates the marker at version 1 or moves it and adds one to its version; returns the stored marker.
MarkerRecord save_marker(Connection& c, int64_t account_id, const std::string& timeline, int64_t last_read_id,
                         int64_t now);

}  // namespace vmst::store
