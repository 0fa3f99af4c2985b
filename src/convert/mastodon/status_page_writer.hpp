#pragma once
// Statuses serialized for the client API from cached fragments (json_fragment_cache.hpp): the viewer-independent
// part of each status and each author are copied as bytes when their inputs have not changed, and only the counts,
// the poll and the viewer's flags are built per request. The result parses to exactly what status_json builds
// (keys in another order, which JSON and the clients do not care about); the parts come from status.hpp, so there
// is one converter, not two.
#include <string>
#include <vector>

#include "convert/mastodon/json_fragment_cache.hpp"
#include "convert/mastodon/status_bundle.hpp"
#include "federation/local_urls.hpp"

namespace vmst::convert::mastodon {

// Appends the status's JSON to `out`. False, with nothing appended, where status_json gives null (the status, its
// author or what it reblogs is not in the bundle).
bool append_status_json(std::string& out, const StatusBundle& bundle, int64_t status_id,
                        const federation::LocalUrls& urls, RenderCaches& caches);

// A JSON array of the statuses that render, in the order of `ids`.
std::string statuses_json_text(const StatusBundle& bundle, const std::vector<int64_t>& ids,
                               const federation::LocalUrls& urls, RenderCaches& caches);

}  // namespace vmst::convert::mastodon
