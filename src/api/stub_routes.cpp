#include "api/stub_routes.hpp"

#include "api/authentication.hpp"
#include "convert/mastodon/notification_policy.hpp"
#include "http/error_responses.hpp"

namespace vmst::api {

namespace {

using nlohmann::json;
using http::Method;

// A list endpoint with nothing in it: [] (and no Link header, as an empty page has none).
http::Handler empty_list(ApiContext& api, std::string scope) {
  return [&api, scope](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
    if (!scope.empty()) require_user(req, api.db, scope);
    http::send_json(res, 200, json::array());
  };
}

http::Handler empty_object(ApiContext& api, std::string scope) {
  return [&api, scope](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
    require_user(req, api.db, scope);
    http::send_json(res, 200, json::object());
  };
}

}  // namespace

void add_stub_routes(http::Router& router, ApiContext& api) {
  // Trends are public in Mastodon.
  for (const char* path : {"/api/v1/trends", "/api/v1/trends/tags", "/api/v1/trends/statuses", "/api/v1/trends/links"}) {
    router.add(Method::Get, path, empty_list(api, ""));
  }

  router.add(Method::Get, "/api/v1/announcements", empty_list(api, "read"));
  router.add(Method::Post, "/api/v1/announcements/:id/dismiss", empty_object(api, "write:accounts"));
  router.add(Method::Put, "/api/v1/announcements/:id/reactions/:name", empty_object(api, "write:favourites"));
  router.add(Method::Delete, "/api/v1/announcements/:id/reactions/:name", empty_object(api, "write:favourites"));

  router.add(Method::Get, "/api/v1/suggestions", empty_list(api, "read"));
  router.add(Method::Get, "/api/v2/suggestions", empty_list(api, "read"));
  router.add(Method::Delete, "/api/v1/suggestions/:account_id", empty_object(api, "read"));

  router.add(Method::Get, "/api/v1/endorsements", empty_list(api, "read:accounts"));
  router.add(Method::Get, "/api/v1/featured_tags", empty_list(api, "read:accounts"));
  router.add(Method::Get, "/api/v1/featured_tags/suggestions", empty_list(api, "read:accounts"));
  router.add(Method::Get, "/api/v1/notifications/requests", empty_list(api, "read:notifications"));

  // No Web Push subscription can exist yet; Mastodon answers "none" with 404, which Elk tolerates.
  router.add(Method::Get, "/api/v1/push/subscription",
             [&api](const httplib::Request& req, httplib::Response&, const http::PathParams&) {
               require_user(req, api.db, "push");
               throw http::HttpError(404, "Record not found");
             });

  router.add(Method::Get, "/api/v2/notifications/policy",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               require_user(req, api.db, "read:notifications");
               http::send_json(res, 200, convert::mastodon::default_notification_policy_json());
             });

  // Without a translation service Mastodon answers 404 (TranslationService::NotConfiguredError is rescued with
  // not_found), and configuration.translation.enabled=false keeps clients from offering the button.
  router.add(Method::Post, "/api/v1/statuses/:id/translate",
             [&api](const httplib::Request& req, httplib::Response&, const http::PathParams&) {
               require_scope(req, api.db, "read:statuses");
               throw http::HttpError(404, "Record not found");
             });

  // Mastodon 4.3 shows statuses linking a URL only for a trending preview card (PreviewCard.joins(:trend)... find_by!
  // answers 404 for any other link). No preview cards are kept here, so every link is unknown.
  router.add(Method::Get, "/api/v1/timelines/link",
             [&api](const httplib::Request& req, httplib::Response&, const http::PathParams&) {
               optional_viewer(req, api.db);
               throw http::HttpError(404, "Record not found");
             });

  // The streaming listener answers this itself; the main host answers too, for a proxy that sends everything here
  // and for clients that probe the main host (plain text, as the streaming server answers).
  router.add(Method::Get, "/api/v1/streaming/health",
             [](const httplib::Request&, httplib::Response& res, const http::PathParams&) {
               res.status = 200;
               res.set_content("OK", "text/plain");
             });
}

}  // namespace vmst::api
