#pragma once
// Filters v2 (/api/v2/filters, its keywords and statuses) and the v1 view (/api/v1/filters) that Tusky falls back to.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_filter_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
