#include "api/timelines_area_routes.hpp"

#include "api/conversation_routes.hpp"
#include "api/filter_routes.hpp"
#include "api/list_routes.hpp"
#include "api/marker_routes.hpp"
#include "api/notification_routes.hpp"
#include "api/timeline_routes.hpp"

namespace vmst::api {

void add_timelines_area_routes(http::Router& router, ApiContext& api) {
  add_timeline_routes(router, api);
  add_notification_routes(router, api);
  add_marker_routes(router, api);
  add_list_routes(router, api);
  add_filter_routes(router, api);
  add_conversation_routes(router, api);
}

}  // namespace vmst::api
