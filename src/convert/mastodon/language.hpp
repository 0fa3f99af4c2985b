#pragma once
// Languages a post can be tagged with (GET /api/v1/instance/languages): ISO 639-1 codes with their English names,
// [{code, name}].
#include <nlohmann/json.hpp>

namespace vmst::convert::mastodon {

nlohmann::json languages_json();

}  // namespace vmst::convert::mastodon
