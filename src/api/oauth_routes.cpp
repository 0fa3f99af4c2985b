#include "api/oauth_routes.hpp"

#include "api/app_routes.hpp"
#include "api/oauth_authorize_routes.hpp"
#include "api/oauth_metadata_routes.hpp"
#include "api/oauth_token_routes.hpp"

namespace vmst::api {

void add_oauth_routes(http::Router& router, ApiContext& context) {
  add_app_routes(router, context);
  add_oauth_authorize_routes(router, context);
  add_oauth_token_routes(router, context);
  add_oauth_metadata_routes(router, context);
}

}  // namespace vmst::api
