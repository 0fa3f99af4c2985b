#include "api/client_api_routes.hpp"

namespace vmst::api {

// One line per area; each area's file holds its routes and handlers.
void add_client_api_routes(http::Router& router, ApiContext& api) {
  (void)router;
  (void)api;
}

}  // namespace vmst::api
