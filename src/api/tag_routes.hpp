#pragma once
// GET /api/v1/tags/:name, POST /api/v1/tags/:name/follow and /unfollow, GET /api/v1/followed_tags.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_tag_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
