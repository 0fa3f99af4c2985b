#include "api/scheduled_status_routes.hpp"

#include "api/authentication.hpp"
#include "api/pagination.hpp"
#include "api/path_ids.hpp"
#include "convert/mastodon/scheduled_status.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/scheduled_statuses.hpp"
#include "time/timestamps.hpp"

namespace vmst::api {

namespace {

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 40;

}  // namespace

int64_t scheduled_at_param(const std::string& text) {
  auto at = parse_iso8601(text);
  if (!at) throw http::HttpError(422, "Validation failed: Scheduled at is invalid");
  return *at;
}

void add_scheduled_status_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v1/scheduled_statuses",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto viewer = require_user(req, api.db, "read:statuses");
               auto params = http::RequestParams::from(req);
               auto page = parse_page(params, kDefaultLimit, kMaxLimit);
               auto list = services::list_scheduled_statuses(api.db, *viewer.account_id, to_id_page(page));
               if (!list.empty()) {
                 set_link_header(res, req, api.urls.base(), page, list.size(), list.front().record.id,
                                 list.back().record.id);
               }
               nlohmann::json out = nlohmann::json::array();
               for (const auto& s : list) out.push_back(convert::mastodon::scheduled_status_json(s, api.urls));
               http::send_json(res, 200, out);
             });

  router.add(http::Method::Get, "/api/v1/scheduled_statuses/:id",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = require_user(req, api.db, "read:statuses");
               auto view = services::get_scheduled_status(api.db, *viewer.account_id, path_id(path, "id"));
               http::send_json(res, 200, convert::mastodon::scheduled_status_json(view, api.urls));
             });

  router.add(http::Method::Put, "/api/v1/scheduled_statuses/:id",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = require_user(req, api.db, "write:statuses");
               auto params = http::RequestParams::from(req);
               const int64_t id = path_id(path, "id");
               auto text = params.string("scheduled_at");
               services::ScheduledStatusView view;
               if (text && !text->empty()) {
                 view = services::reschedule_status(api.db, *viewer.account_id, id, scheduled_at_param(*text),
                                                    now_millis());
               } else {
                 view = services::get_scheduled_status(api.db, *viewer.account_id, id);
               }
               http::send_json(res, 200, convert::mastodon::scheduled_status_json(view, api.urls));
             });

  router.add(http::Method::Delete, "/api/v1/scheduled_statuses/:id",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = require_user(req, api.db, "write:statuses");
               services::cancel_scheduled_status(api.db, *viewer.account_id, path_id(path, "id"));
               http::send_json(res, 200, nlohmann::json::object());
             });
}

}  // namespace vmst::api
