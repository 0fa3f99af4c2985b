#pragma once
// Uploads: POST /api/v1/media and /api/v2/media, GET/PUT/DELETE /api/v1/media/:id. Files are processed while the
// request waits, so both POSTs answer 200 with `url` set (Elk and toot 0.34 use v1 and expect a ready attachment).
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_media_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
