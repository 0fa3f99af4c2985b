#include "api/app_routes.hpp"

#include "api/authentication.hpp"
#include "convert/mastodon/application.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/oauth_apps.hpp"
#include "services/redirect_uri.hpp"

namespace vmst::api {

namespace {

void create_app(ApiContext& context, const httplib::Request& req, httplib::Response& res) {
  auto params = http::RequestParams::from(req);
  services::ApplicationRequest request;
  request.name = params.string("client_name").value_or("");
  // A string with one URI per line (Mastodon.py joins lists that way), `redirect_uris[]` fields or a JSON array.
  for (const auto& value : params.strings("redirect_uris")) {
    for (auto& uri : services::split_redirect_uris(value)) request.redirect_uris.push_back(std::move(uri));
  }
  request.scopes = params.string("scopes");
  request.website = params.string("website");
  auto app = services::register_application(context.db, request);
  http::send_json(res, 200, convert::mastodon::credential_application_json(app));
}

void verify_app(ApiContext& context, const httplib::Request& req, httplib::Response& res) {
  // Any live token of the app will do, app-only or user (Mastodon 4.3 dropped the `read` scope requirement).
  auto principal = authenticate(req, context.db);
  if (!principal) throw http::HttpError(401, "The access token is invalid");
  auto app = principal->application_id ? services::find_application(context.db, *principal->application_id)
                                       : std::nullopt;
  if (!app) throw http::HttpError(404, "Record not found");
  http::send_json(res, 200, convert::mastodon::application_json(*app));
}

}  // namespace

void add_app_routes(http::Router& router, ApiContext& context) {
  router.add(http::Method::Post, "/api/v1/apps",
             [&context](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               create_app(context, req, res);
             });
  router.add(http::Method::Get, "/api/v1/apps/verify_credentials",
             [&context](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               verify_app(context, req, res);
             });
}

}  // namespace vmst::api
