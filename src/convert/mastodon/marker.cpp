#include "convert/mastodon/marker.hpp"

#include "time/timestamps.hpp"

namespace vmst::convert::mastodon {

nlohmann::json marker_json(const store::MarkerRecord& m) {
  return {{"last_read_id", std::to_string(m.last_read_id)},
          {"version", m.version},
          {"updated_at", format_iso8601_millis(m.updated_at)}};
}

}  // namespace vmst::convert::mastodon
