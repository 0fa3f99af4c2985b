#pragma once
// The reading side of the client API in one registration: timelines, notifications, markers, lists, filters and
// conversations.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_timelines_area_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
