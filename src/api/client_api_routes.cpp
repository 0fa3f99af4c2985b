#include "api/client_api_routes.hpp"

#include "api/accounts_routes.hpp"
#include "api/custom_emoji_routes.hpp"
#include "api/directory_routes.hpp"
#include "api/instance_routes.hpp"
#include "api/media_routes.hpp"
#include "api/oauth_routes.hpp"
#include "api/poll_routes.hpp"
#include "api/preferences_routes.hpp"
#include "api/registration_routes.hpp"
#include "api/report_routes.hpp"
#include "api/saved_status_routes.hpp"
#include "api/scheduled_status_routes.hpp"
#include "api/status_routes.hpp"
#include "api/stub_routes.hpp"
#include "api/tag_routes.hpp"
#include "api/timelines_area_routes.hpp"

namespace vmst::api {

// One line per area; each area's file holds its routes and handlers.
void add_client_api_routes(http::Router& router, ApiContext& api) {
  add_oauth_routes(router, api);
  add_registration_routes(router, api);
  add_status_routes(router, api);
  add_scheduled_status_routes(router, api);
  add_poll_routes(router, api);
  add_saved_status_routes(router, api);
  add_report_routes(router, api);
  add_tag_routes(router, api);
  add_accounts_routes(router, api);
  add_instance_routes(router, api);
  add_media_routes(router, api);
  add_preferences_routes(router, api);
  add_custom_emoji_routes(router, api);
  add_directory_routes(router, api);
  add_stub_routes(router, api);
  add_timelines_area_routes(router, api);
}

}  // namespace vmst::api
