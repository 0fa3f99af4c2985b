#pragma once
// Endpoints for features this server does not have yet (trends, announcements, suggestions, endorsements, featured
// and followed tags, scheduled statuses, Web Push, notification requests, translation) answering what Mastodon
// answers when there is nothing to show, in the documented shapes (client-api.md §2.9): several clients call them at
// start-up and treat a 404 as a failure. Also the streaming health check on the main listener (Mastodon.py).
//
// Each stub asks for the same token and scope as Mastodon, so a client sees the same errors it will once the
// feature is real. When a feature is built, its routes move to their own file and leave this one.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_stub_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
