#pragma once
// The Mastodon client API: every area's routes, registered in one place.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_client_api_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
