#pragma once
// GET and POST /api/v1/markers.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_marker_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
