#include "api/registration_routes.hpp"

#include "api/authentication.hpp"
#include "convert/mastodon/token.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/oauth_apps.hpp"
#include "services/registration.hpp"

namespace vmst::api {

namespace {

void register_account(ApiContext& context, const httplib::Request& req, httplib::Response& res) {
  // Mastodon: doorkeeper_authorize! :write, :'write:accounts', then the registration mode, then validation.
  auto principal = require_scope(req, context.db, "write:accounts");
  auto app = principal.application_id ? services::find_application(context.db, *principal.application_id)
                                      : std::nullopt;
  if (!app) throw http::HttpError(403, "This action is not allowed");

  auto params = http::RequestParams::from(req);
  services::RegistrationRequest request;
  request.username = params.string("username").value_or("");
  request.email = params.string("email").value_or("");
  request.password = params.string("password").value_or("");
  request.agreement = params.flag("agreement", false);
  request.locale = params.string("locale");
  request.reason = params.string("reason");
  request.invite_code = params.string("invite_code");
  auto registration =
      services::register_account(context.db, context.urls, context.config.instance.registrations, *app, request);
  http::send_json(res, 200, convert::mastodon::token_json(registration.token));
}

}  // namespace

void add_registration_routes(http::Router& router, ApiContext& context) {
  router.add(http::Method::Post, "/api/v1/accounts",
             [&context](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               register_account(context, req, res);
             });
}

}  // namespace vmst::api
