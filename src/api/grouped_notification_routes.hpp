#pragma once
// Grouped notifications (Mastodon 4.3): GET /api/v2/notifications, /unread_count, /:group_key,
// /:group_key/accounts; POST /api/v2/notifications/:group_key/dismiss.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_grouped_notification_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
