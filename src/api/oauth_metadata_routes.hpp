#pragma once
// GET /.well-known/oauth-authorization-server (RFC 8414). Mastodon.py 2.x reads it before every log_in and
// honours its endpoints; Phanpy uses PKCE only when it lists S256.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_oauth_metadata_routes(http::Router& router, ApiContext& context);

}  // namespace vmst::api
