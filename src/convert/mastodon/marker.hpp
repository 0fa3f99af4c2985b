#pragma once
// Marker {last_read_id, version, updated_at}; every key is required by Tusky.
#include <nlohmann/json.hpp>

#include "store/marker_store.hpp"

namespace vmst::convert::mastodon {

nlohmann::json marker_json(const store::MarkerRecord& marker);

}  // namespace vmst::convert::mastodon
