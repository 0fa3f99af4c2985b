#pragma once
// GET /api/v1/favourites and /api/v1/bookmarks.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_saved_status_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
