#pragma once
// The Tag entity as the tags and followed_tags endpoints show it: {id, name, url, history, following}. History is
// Mastodon's: one entry per day, newest first, with the day (Unix seconds), uses and accounts all as strings.
#include <nlohmann/json.hpp>
#include <vector>

#include "federation/local_urls.hpp"
#include "store/tag_store.hpp"

namespace vmst::convert::mastodon {

nlohmann::json hashtag_json(const store::TagRecord& tag, bool following, const std::vector<store::TagDayUse>& history,
                            const federation::LocalUrls& urls);

}  // namespace vmst::convert::mastodon
