#pragma once
// MediaAttachment as the Mastodon client API shows it (client-api.md §3): in statuses and from the media endpoints.
#include <nlohmann/json.hpp>

#include "federation/local_urls.hpp"
#include "store/media_store.hpp"

namespace vmst::convert::mastodon {

// `url` is null only while processing (or for failed remote media); `preview_url` is the thumbnail, else the image
// itself, else null (video and audio without a preview image).
nlohmann::json media_json(const store::MediaRecord& media, const federation::LocalUrls& urls);

}  // namespace vmst::convert::mastodon
