#pragma once
// POST /api/v1/reports.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_report_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
