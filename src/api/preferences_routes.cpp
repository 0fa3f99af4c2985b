#include "api/preferences_routes.hpp"

#include "api/authentication.hpp"
#include "convert/mastodon/preferences.hpp"
#include "http/error_responses.hpp"
#include "services/preferences.hpp"

namespace vmst::api {

void add_preferences_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v1/preferences",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto principal = require_user(req, api.db, "read:accounts");
               auto preferences = services::load_preferences(api.db, *principal.account_id);
               http::send_json(res, 200, convert::mastodon::preferences_json(preferences));
             });
}

}  // namespace vmst::api
