#pragma once
// GET /api/v1/notifications, /:id, /unread_count; POST /api/v1/notifications/clear, /:id/dismiss.
#include "api/api_context.hpp"
#include "http/request_params.hpp"
#include "http/router.hpp"
#include "services/notifications.hpp"

namespace vmst::api {

// types[], exclude_types[], account_id (v1 and v2).
services::NotificationQuery notification_query(const http::RequestParams& params);
// The `limit` of unread_count: 100 by default, clamped into [1, 1000].
int unread_count_limit(const http::RequestParams& params);

void add_notification_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
