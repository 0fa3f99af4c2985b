#pragma once
// POST /api/v1/apps (register a client) and GET /api/v1/apps/verify_credentials.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_app_routes(http::Router& router, ApiContext& context);

}  // namespace vmst::api
