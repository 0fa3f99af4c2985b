#pragma once
// GET /api/v1/preferences: the user's posting and reading defaults (early Ivory would not start without it).
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_preferences_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
