#pragma once
// Everything OAuth, registered in one call: app registration (/api/v1/apps), the authorization endpoint, token and
// revocation endpoints, and the RFC 8414 metadata document.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_oauth_routes(http::Router& router, ApiContext& context);

}  // namespace vmst::api
