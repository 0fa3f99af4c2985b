#pragma once
// GET /api/v1/timelines/home, /public, /tag/:hashtag, /list/:list_id and the deprecated /direct.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_timeline_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
