#include "api/oauth_token_routes.hpp"

#include "api/oauth_client_auth.hpp"
#include "convert/mastodon/token.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/oauth_apps.hpp"
#include "services/oauth_error.hpp"
#include "services/oauth_tokens.hpp"

namespace vmst::api {

namespace {

using services::OAuthError;

// An unreadable body is an OAuth invalid_request here, not the API's {"error": "..."}.
http::RequestParams oauth_params(const httplib::Request& req) {
  try {
    return http::RequestParams::from(req);
  } catch (const http::HttpError& e) {
    throw OAuthError(OAuthError::Code::InvalidRequest, e.what());
  }
}

void token(ApiContext& context, const httplib::Request& req, httplib::Response& res) {
  auto params = oauth_params(req);
  services::TokenRequest request;
  request.grant_type = params.string("grant_type").value_or("");
  if (request.grant_type.empty()) {
    throw OAuthError(OAuthError::Code::InvalidRequest, "Missing required parameter: grant_type.");
  }
  const services::TokenPolicy policy{context.config.auth.password_grant};
  if (!services::grant_type_supported(policy, request.grant_type)) {
    throw OAuthError(OAuthError::Code::UnsupportedGrantType);
  }
  auto credentials = client_credentials(req, params);
  auto client = services::authenticate_client(context.db, credentials.client_id, credentials.client_secret);

  request.code = params.string("code");
  request.redirect_uri = params.string("redirect_uri");
  request.code_verifier = params.string("code_verifier");
  request.username = params.string("username");
  request.password = params.string("password");
  request.scope = params.string("scope");
  auto issued = services::grant_token(context.db, policy, client, request);

  res.set_header("Cache-Control", "no-store");
  res.set_header("Pragma", "no-cache");
  http::send_json(res, 200, convert::mastodon::token_json(issued));
}

// RFC 7009: the same empty answer whether or not anything was revoked, so it tells nothing about tokens.
void revoke(ApiContext& context, const httplib::Request& req, httplib::Response& res) {
  auto params = oauth_params(req);
  auto credentials = client_credentials(req, params);
  const std::string token = params.string("token").value_or("");
  try {
    auto client = services::authenticate_client(context.db, credentials.client_id, credentials.client_secret);
    services::revoke_token(context.db, client, token);
  } catch (const OAuthError&) {
    // An unknown client or wrong secret revokes nothing.
  }
  http::send_json(res, 200, nlohmann::json::object());
}

}  // namespace

void add_oauth_token_routes(http::Router& router, ApiContext& context) {
  router.add(http::Method::Post, "/oauth/token",
             [&context](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               token(context, req, res);
             });
  router.add(http::Method::Post, "/oauth/revoke",
             [&context](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               revoke(context, req, res);
             });
}

}  // namespace vmst::api
