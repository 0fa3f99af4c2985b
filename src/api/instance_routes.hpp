#pragma once
// GET /api/v1/instance, /api/v2/instance and /api/v1/instance/* (rules, peers, activity, languages, domain blocks,
// extended description, privacy policy, terms of service, translation languages). All public.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_instance_routes(http::Router& router, ApiContext& api);

}  // namespace vmst::api
