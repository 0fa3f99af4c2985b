#pragma once
// Statuses as the Mastodon client API shows them (client-api.md §3, "Status"). One function renders every endpoint's
// statuses, so the same status serialises identically everywhere (masto.js's tests compare them deeply).
#include <nlohmann/json.hpp>

#include "convert/mastodon/status_bundle.hpp"
#include "federation/local_urls.hpp"

namespace vmst::convert::mastodon {

// nullopt-equivalent: a null JSON when the status (or the reblogged one) is not in the bundle.
nlohmann::json status_json(const StatusBundle& bundle, int64_t status_id, const federation::LocalUrls& urls);

nlohmann::json media_json(const store::MediaRecord& media, const federation::LocalUrls& urls);

// Tag {name, url, history}.
nlohmann::json tag_json(const std::string& name, const federation::LocalUrls& urls);

}  // namespace vmst::convert::mastodon
