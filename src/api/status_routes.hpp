#pragma once
// /api/v1/statuses: post, read, edit, delete, thread context, history and source, and the per-user actions
// (favourite, reblog, bookmark, pin, mute) with their account lists.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_status_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
