#pragma once
// POST /api/v1/accounts: sign-up with an app token (see services/registration.hpp).
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_registration_routes(http::Router& router, ApiContext& context);

}  // namespace vmst::api
