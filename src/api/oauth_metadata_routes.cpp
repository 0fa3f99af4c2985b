#include "api/oauth_metadata_routes.hpp"

#include "http/error_responses.hpp"
#include "services/oauth_scopes.hpp"

namespace vmst::api {

namespace {

nlohmann::json metadata(const ApiContext& context) {
  const std::string& base = context.urls.base();
  auto grants = nlohmann::json::array({"authorization_code", "client_credentials"});
  // Mastodon.py 2.x refuses a password log_in client-side when the grant is not listed, which is the right
  // message when it is switched off.
  if (context.config.auth.password_grant) grants.push_back("password");
  return {
      {"issuer", base + "/"},
      {"authorization_endpoint", base + "/oauth/authorize"},
      {"token_endpoint", base + "/oauth/token"},
      {"revocation_endpoint", base + "/oauth/revoke"},
      {"app_registration_endpoint", base + "/api/v1/apps"},
      {"scopes_supported", services::all_known_scopes()},
      {"response_types_supported", nlohmann::json::array({"code"})},
      {"response_modes_supported", nlohmann::json::array({"query", "fragment", "form_post"})},
      {"code_challenge_methods_supported", nlohmann::json::array({"S256"})},
      {"grant_types_supported", grants},
      {"token_endpoint_auth_methods_supported",
       nlohmann::json::array({"client_secret_basic", "client_secret_post"})},
      {"service_documentation", "https://docs.joinmastodon.org/"},
  };
}

}  // namespace

void add_oauth_metadata_routes(http::Router& router, ApiContext& context) {
  router.add(http::Method::Get, "/.well-known/oauth-authorization-server",
             [&context](const httplib::Request&, httplib::Response& res, const http::PathParams&) {
               http::send_json(res, 200, metadata(context));
             });
}

}  // namespace vmst::api
