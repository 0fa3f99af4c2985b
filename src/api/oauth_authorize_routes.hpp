#pragma once
// GET and POST /oauth/authorize: the login and consent page, then the code sent back to the client (a redirect,
// the out-of-band code page, or a form post). The login check is services::check_credentials, which the web UI's
// session login will share.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_oauth_authorize_routes(http::Router& router, ApiContext& context);

}  // namespace vmst::api
