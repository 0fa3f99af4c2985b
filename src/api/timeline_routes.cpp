#include "api/timeline_routes.hpp"

#include <memory>

#include "api/authentication.hpp"
#include "api/pagination.hpp"
#include "api/path_ids.hpp"
#include "convert/mastodon/status_page_writer.hpp"
#include "http/error_responses.hpp"
#include "http/json_text_response.hpp"
#include "http/request_params.hpp"
#include "services/timelines.hpp"

namespace vmst::api {

namespace {

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 40;

// Every timeline serializes from one set of cached fragments: statuses look the same in all of them.
using Caches = std::shared_ptr<convert::mastodon::RenderCaches>;

void send_timeline(const httplib::Request& req, httplib::Response& res, const ApiContext& api, const PageQuery& page,
                   const services::TimelinePage& timeline, convert::mastodon::RenderCaches& caches) {
  auto body = convert::mastodon::statuses_json_text(timeline.bundle, timeline.ids, api.urls, caches);
  if (!timeline.ids.empty()) {
    set_link_header(res, req, api.urls.base(), page, timeline.ids.size(), timeline.ids.front(), timeline.ids.back());
  }
  http::send_json_text(res, 200, std::move(body));
}

services::PublicTimelineOptions public_options(const http::RequestParams& params) {
  return {params.flag("local", false), params.flag("remote", false), params.flag("only_media", false)};
}

}  // namespace

void add_timeline_routes(http::Router& router, ApiContext& api) {
  Caches caches = std::make_shared<convert::mastodon::RenderCaches>();
  router.add(http::Method::Get, "/api/v1/timelines/home",
             [&api, caches](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto viewer = require_user(req, api.db, "read:statuses");
               auto page = parse_page(http::RequestParams::from(req), kDefaultLimit, kMaxLimit);
               send_timeline(req, res, api, page, services::home_timeline(api.db, *viewer.account_id, to_id_page(page)),
                             *caches);
             });

  // Anonymous reads are allowed: Mastodon.py probes this before streaming, and the public timeline is public.
  router.add(http::Method::Get, "/api/v1/timelines/public",
             [&api, caches](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto viewer = optional_viewer(req, api.db);
               auto params = http::RequestParams::from(req);
               auto page = parse_page(params, kDefaultLimit, kMaxLimit);
               send_timeline(req, res, api, page,
                             services::public_timeline(api.db, viewer, public_options(params), to_id_page(page)),
                             *caches);
             });

  router.add(http::Method::Get, "/api/v1/timelines/tag/:hashtag",
             [&api, caches](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = optional_viewer(req, api.db);
               auto params = http::RequestParams::from(req);
               auto page = parse_page(params, kDefaultLimit, kMaxLimit);
               services::TagTimelineOptions options;
               options.tag = path.get("hashtag");
               options.any = params.strings("any");
               options.all = params.strings("all");
               options.none = params.strings("none");
               options.where = public_options(params);
               send_timeline(req, res, api, page, services::tag_timeline(api.db, viewer, options, to_id_page(page)),
                             *caches);
             });

  router.add(http::Method::Get, "/api/v1/timelines/list/:list_id",
             [&api, caches](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = require_user(req, api.db, "read:lists");
               const int64_t list_id = path_id(path, "list_id");
               auto page = parse_page(http::RequestParams::from(req), kDefaultLimit, kMaxLimit);
               send_timeline(req, res, api, page,
                             services::list_timeline(api.db, *viewer.account_id, list_id, to_id_page(page)), *caches);
             });

  // Removed from Mastodon in 3.x in favour of /api/v1/conversations; old clients get an empty page, not a 404.
  router.add(http::Method::Get, "/api/v1/timelines/direct",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               require_user(req, api.db, "read:statuses");
               http::send_json(res, 200, nlohmann::json::array());
             });
}

}  // namespace vmst::api
