#pragma once
// GET /api/v1/conversations, DELETE /api/v1/conversations/:id, POST /api/v1/conversations/:id/read.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_conversation_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
