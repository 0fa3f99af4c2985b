#pragma once
// GET /api/v1/polls/:id and POST /api/v1/polls/:id/votes.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_poll_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
