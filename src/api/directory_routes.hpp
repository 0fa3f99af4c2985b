#pragma once
// GET /api/v1/directory: accounts that chose to be listed. Public; `offset`/`limit` paging (no Link header, as in
// Mastodon), `order=active|new`, `local=true`.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_directory_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
