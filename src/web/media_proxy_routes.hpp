#pragma once
// GET /media_proxy/<id>/original|small: a remote attachment at our own URL (Mastodon's MediaProxyController),
// handed to clients while no copy of it is here: before the background copy is made, or after `vmst media prune`
// let it go. A request fetches it again on the spot: it is put first in the remote media queue and waited for
// (kMediaProxyWait at most), then the client is redirected to our copy; when the copy cannot be
// made in time (slow or failing origin, reject_media), to the origin's URL instead, so the client always gets
// the picture. Only attachments of public and unlisted statuses are served; others are 404.
#include <chrono>

#include "federation/local_urls.hpp"
#include "http/router.hpp"
#include "services/remote_media_queue.hpp"
#include "store/database.hpp"

namespace vmst::web {

// How long a client's request waits for the copy before being sent to the origin.
inline constexpr std::chrono::milliseconds kMediaProxyWait{5000};

// `queue` may be null (no fetching: copies present are served, others sent to their origin).
void add_media_proxy_routes(http::Router& router, store::Database& db, const federation::LocalUrls& urls,
                            services::RemoteMediaQueue* queue, std::chrono::milliseconds wait);

}  // namespace vmst::web
