#include "services/markers.hpp"

#include <algorithm>

#include "time/timestamps.hpp"

namespace vmst::services {

bool known_marker_timeline(const std::string& timeline) { return timeline == "home" || timeline == "notifications"; }

std::vector<store::MarkerRecord> get_markers(store::Database& db, int64_t account_id,
                                             const std::vector<std::string>& timelines) {
  auto saved = db.read([&](store::Connection& c) { return store::find_markers(c, account_id); });
  std::vector<store::MarkerRecord> out;
  for (const auto& timeline : timelines) {
    if (!known_marker_timeline(timeline)) continue;
    if (std::any_of(out.begin(), out.end(), [&](const auto& m) { return m.timeline == timeline; })) continue;
    auto it = std::find_if(saved.begin(), saved.end(), [&](const auto& m) { return m.timeline == timeline; });
    // The default's updated_at is the time of asking: clients parse it, and there is no better moment to give.
    out.push_back(it != saved.end() ? *it : store::MarkerRecord{timeline, 0, 0, now_millis()});
  }
  return out;
}

std::vector<store::MarkerRecord> save_markers(store::Database& db, int64_t account_id,
                                              const std::vector<std::pair<std::string, int64_t>>& positions) {
  return db.write([&](store::Connection& c) {
    std::vector<store::MarkerRecord> out;
    const int64_t now = now_millis();
    for (const auto& [timeline, last_read_id] : positions) {
      if (!known_marker_timeline(timeline)) continue;
      out.push_back(store::save_marker(c, account_id, timeline, last_read_id, now));
    }
    return out;
  });
}

}  // namespace vmst::services
