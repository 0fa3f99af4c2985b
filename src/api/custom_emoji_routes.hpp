#pragma once
// GET /api/v1/custom_emojis: this server's enabled emoji, public (clients load it before signing in).
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_custom_emoji_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
