#include "convert/mastodon/preferences.hpp"

namespace vmst::convert::mastodon {

nlohmann::json preferences_json(const UserPreferences& p) {
  return {{"posting:default:visibility", p.default_visibility},
          {"posting:default:sensitive", p.default_sensitive},
          {"posting:default:language", p.default_language ? nlohmann::json(*p.default_language) : nlohmann::json()},
          {"reading:expand:media", p.expand_media},
          {"reading:expand:spoilers", p.expand_spoilers}};
}

}  // namespace vmst::convert::mastodon
