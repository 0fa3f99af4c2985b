#include "api/client_api_routes.hpp"

#include "api/status_routes.hpp"
#include "api/timelines_area_routes.hpp"

namespace vmst::api {

// One line per area; each area's file holds its routes and handlers.
void add_client_api_routes(http::Router& router, ApiContext& api) {
  add_status_routes(router, api);
  add_timelines_area_routes(router, api);
}

}  // namespace vmst::api
