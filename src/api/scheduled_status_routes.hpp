#pragma once
// GET /api/v1/scheduled_statuses (paged, Link), GET/PUT/DELETE /api/v1/scheduled_statuses/:id. Scheduling itself
// is POST /api/v1/statuses with scheduled_at (status_routes).
#include <cstdint>
#include <string>

#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

// A scheduled_at parameter (ISO 8601) in ms; HttpError 422 when malformed.
int64_t scheduled_at_param(const std::string& text);

void add_scheduled_status_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
