#include "api/oauth_authorize_routes.hpp"

#include <memory>

#include "crypto/random_bytes.hpp"
#include "http/cookies.hpp"
#include "http/csrf_tokens.hpp"
#include "http/request_params.hpp"
#include "services/oauth_authorization.hpp"
#include "services/oauth_scopes.hpp"
#include "services/redirect_uri.hpp"
#include "services/sign_in.hpp"
#include "time/timestamps.hpp"
#include "web/authorize_page.hpp"
#include "web/html_page.hpp"

namespace vmst::api {

namespace {

constexpr const char* kCsrfCookie = "vmst_csrf";
constexpr const char* kCsrfField = "authenticity_token";

struct AuthorizeState {
  explicit AuthorizeState(ApiContext& c) : context(c) {}
  ApiContext& context;
  http::CsrfTokens forms;
};

services::AuthorizationParams read_params(const http::RequestParams& params) {
  services::AuthorizationParams out;
  out.client_id = params.string("client_id").value_or("");
  out.redirect_uri = params.string("redirect_uri");
  out.response_type = params.string("response_type").value_or("");
  out.scope = params.string("scope");
  out.state = params.string("state").value_or("");
  out.code_challenge = params.string("code_challenge");
  out.code_challenge_method = params.string("code_challenge_method");
  out.response_mode = params.string("response_mode");
  return out;
}

const std::string& title(const AuthorizeState& state) { return state.context.config.instance.title; }

// Sends fields (a code, or an error) to the client's redirect URI the way it asked for: query (the default),
// fragment, or an auto-submitted form post.
void redirect_to_client(const AuthorizeState& state, const services::AuthorizationRequest& request,
                        web::FormFields fields, httplib::Response& res) {
  if (!request.state.empty()) fields.emplace_back("state", request.state);
  if (request.response_mode == "form_post") {
    auto page = web::render_form_post_page(title(state), request.redirect_uri, fields);
    web::send_page(res, 200, std::move(page.html), page.script_hash);
    return;
  }
  res.status = 302;
  res.set_header("Location",
                 services::redirect_with_params(request.redirect_uri, fields, request.response_mode == "fragment"));
  res.set_header("Cache-Control", "no-store");
  res.set_content("", "text/plain");
}

void send_code(const AuthorizeState& state, const services::AuthorizationRequest& request, const std::string& code,
               httplib::Response& res) {
  if (services::is_out_of_band(request.redirect_uri)) {
    web::send_page(res, 200, web::render_authorization_code_page(title(state), request.app.name, code));
  } else {
    redirect_to_client(state, request, {{"code", code}}, res);
  }
}

void send_error(const AuthorizeState& state, const services::AuthorizationRequest& request,
                services::OAuthError::Code code, const std::string& description, httplib::Response& res) {
  if (services::is_out_of_band(request.redirect_uri)) {
    web::send_page(res, 400, web::render_authorize_error_page(title(state), description));
  } else {
    redirect_to_client(state, request,
                       {{"error", std::string(services::oauth_error_name(code))}, {"error_description", description}},
                       res);
  }
}

// The browser's CSRF cookie value, created (and set on the response) when it has none yet.
std::string csrf_session(const AuthorizeState& state, const httplib::Request& req, httplib::Response& res) {
  if (auto existing = http::cookie_value(req, kCsrfCookie); existing && existing->size() >= 32) return *existing;
  std::string session = crypto::random_token(32);
  http::CookieOptions options;
  options.secure = state.context.urls.base().starts_with("https://");
  res.set_header("Set-Cookie", http::set_cookie_header(kCsrfCookie, session, options));
  return session;
}

void show_form(AuthorizeState& state, const services::AuthorizationRequest& request, const httplib::Request& req,
               httplib::Response& res, int status, const std::string& login, const std::string& error) {
  web::AuthorizeFormView view;
  view.instance_title = title(state);
  view.app_name = request.app.name;
  view.app_website = request.app.website;
  view.scopes = request.scopes;
  view.login = login;
  view.error = error;
  // The request travels in the form (checked again on post, never trusted), plus the one-time CSRF token.
  view.hidden = {{"client_id", request.app.client_id},
                 {"redirect_uri", request.redirect_uri},
                 {"response_type", "code"},
                 {"scope", services::join_scopes(request.scopes)}};
  if (!request.state.empty()) view.hidden.emplace_back("state", request.state);
  if (request.code_challenge) {
    view.hidden.emplace_back("code_challenge", *request.code_challenge);
    view.hidden.emplace_back("code_challenge_method", "S256");
  }
  if (request.response_mode != "query") view.hidden.emplace_back("response_mode", request.response_mode);
  view.hidden.emplace_back(kCsrfField, state.forms.issue(csrf_session(state, req, res), now_millis()));
  web::send_page(res, status, web::render_authorize_form(view));
}

// The checks GET and POST share. Returns the request when the caller should go on; otherwise the response is sent.
std::optional<services::AuthorizationRequest> checked_request(AuthorizeState& state, const http::RequestParams& params,
                                                              httplib::Response& res) {
  auto check = services::check_authorization_request(state.context.db, read_params(params));
  if (!check.request) {
    // No registered place to send the browser: never redirect to an unregistered URI.
    web::send_page(res, 400, web::render_authorize_error_page(title(state), check.error_description));
    return std::nullopt;
  }
  if (check.error) {
    send_error(state, *check.request, *check.error, check.error_description, res);
    return std::nullopt;
  }
  return std::move(check.request);
}

void show(AuthorizeState& state, const httplib::Request& req, httplib::Response& res) {
  auto params = http::RequestParams::from(req);
  if (auto request = checked_request(state, params, res)) show_form(state, *request, req, res, 200, "", "");
}

void submit(AuthorizeState& state, const httplib::Request& req, httplib::Response& res) {
  auto params = http::RequestParams::from(req);
  auto request = checked_request(state, params, res);
  if (!request) return;

  const std::string login =
      params.string("login").value_or(params.string("username").value_or(params.string("email").value_or("")));
  auto session = http::cookie_value(req, kCsrfCookie);
  if (!session || !state.forms.consume(params.string(kCsrfField).value_or(""), *session, now_millis())) {
    show_form(state, *request, req, res, 403, login, "This form has expired. Please sign in again.");
    return;
  }
  if (params.string("decision").value_or("approve") == "deny") {
    send_error(state, *request, services::OAuthError::Code::AccessDenied,
                       std::string(services::oauth_error_description(services::OAuthError::Code::AccessDenied)), res);
    return;
  }

  auto sign_in = services::check_credentials(state.context.db, login, params.string("password").value_or(""));
  switch (sign_in.outcome) {
    case services::SignIn::Outcome::WrongCredentials:
      show_form(state, *request, req, res, 401, login, "Invalid email or password.");
      return;
    case services::SignIn::Outcome::Disabled:
      show_form(state, *request, req, res, 403, login, "Your account is disabled.");
      return;
    case services::SignIn::Outcome::Ok: break;
  }
  const std::string code = services::create_authorization_code(state.context.db, *request, sign_in.user_id);
  send_code(state, *request, code, res);
}

}  // namespace

void add_oauth_authorize_routes(http::Router& router, ApiContext& context) {
  // Lives as long as the handlers that share it.
  auto state = std::make_shared<AuthorizeState>(context);
  router.add(http::Method::Get, "/oauth/authorize",
             [state](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               show(*state, req, res);
             });
  router.add(http::Method::Post, "/oauth/authorize",
             [state](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               submit(*state, req, res);
             });
}

}  // namespace vmst::api
