#pragma once
// MediaAttachment as the Mastodon client API shows it (client-api.md §3): in statuses and from the media endpoints.
#include <nlohmann/json.hpp>

#include "federation/local_urls.hpp"
#include "store/media_store.hpp"

namespace vmst::convert::mastodon {

// `url` is null only while processing (or for failed remote media); `preview_url` is the thumbnail, else the image
// itself, else null (video and audio without a preview image). Remote media: our copy once cached, before that
// (and after a prune) our /media_proxy URL, which fetches it; `remote_url` is always the origin's. Attachments
// kept only as links ("unknown": reject_media domains) point at the origin, and so do those not `proxied`: the
// proxy serves only attachments of public and unlisted statuses (web/media_proxy_routes.hpp).
nlohmann::json media_json(const store::MediaRecord& media, const federation::LocalUrls& urls, bool proxied = true);

}  // namespace vmst::convert::mastodon
