#pragma once
// GET /api/v1/notifications, /:id, /unread_count; POST /api/v1/notifications/clear, /:id/dismiss.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_notification_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
