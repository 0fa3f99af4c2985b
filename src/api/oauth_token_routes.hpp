#pragma once
// POST /oauth/token and POST /oauth/revoke. Both read form or JSON bodies (Elk and masto.js send JSON, the rest
// forms) and answer JSON, errors in RFC 6749's shape.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_oauth_token_routes(http::Router& router, ApiContext& context);

}  // namespace vmst::api
