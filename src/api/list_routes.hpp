#pragma once
// GET/POST /api/v1/lists, GET/PUT/DELETE /api/v1/lists/:id, GET/POST/DELETE /api/v1/lists/:id/accounts.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_list_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
