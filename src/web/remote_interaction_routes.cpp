#include "web/remote_interaction_routes.hpp"

#include <memory>

#include "crypto/random_bytes.hpp"
#include "http/cookies.hpp"
#include "http/csrf_tokens.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/remote_interaction.hpp"
#include "services/service_error.hpp"
#include "time/timestamps.hpp"
#include "web/public_page_response.hpp"
#include "web/public_page_routes.hpp"
#include "web/remote_interaction_page.hpp"

namespace vmst::web {

namespace {

// The same cookie as the OAuth form's: one random value per browser, whichever form set it first.
constexpr const char* kCsrfCookie = "vmst_csrf";
constexpr const char* kCsrfField = "authenticity_token";

// The public pages' policy, except that this form may end in a redirect to the visitor's own server: browsers
// apply form-action to the redirect too.
constexpr const char* kFormCsp =
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' https: http: data:; "
    "media-src 'self' https: http:; form-action 'self' https: http:; frame-ancestors 'none'; base-uri 'none'";

struct InteractionState {
  InteractionState(const PublicPages& p, federation::WebfingerClient& w) : pages(p), webfinger(w) {}
  PublicPages pages;
  federation::WebfingerClient& webfinger;
  http::CsrfTokens forms;
};

std::string csrf_session(const InteractionState& state, const httplib::Request& req, httplib::Response& res) {
  if (auto existing = http::cookie_value(req, kCsrfCookie); existing && existing->size() >= 32) return *existing;
  std::string session = crypto::random_token(32);
  http::CookieOptions options;
  options.secure = state.pages.urls.base().starts_with("https://");
  res.set_header("Set-Cookie", http::set_cookie_header(kCsrfCookie, session, options));
  return session;
}

InteractionSubject require_subject(const InteractionState& state, const std::string& uri) {
  if (uri.empty()) throw http::HttpError(400, "Say what to interact with: ?uri= is missing.");
  auto subject = find_interaction_subject(state.pages, uri);
  if (!subject) throw http::HttpError(404, "Record not found");
  return *subject;
}

void show_form(InteractionState& state, const InteractionSubject& subject, const httplib::Request& req,
               httplib::Response& res, InteractionForm form) {
  form.csrf_token = state.forms.issue(csrf_session(state, req, res), now_millis());
  auto page = render_remote_interaction_form(state.pages, subject, form);
  send_public_page(res, page.status, std::move(page.html));
  res.headers.erase("Content-Security-Policy");
  res.set_header("Content-Security-Policy", kFormCsp);
  res.set_header("Cache-Control", "no-store");
}

void submit(InteractionState& state, const httplib::Request& req, httplib::Response& res) {
  auto params = http::RequestParams::from(req);
  const InteractionSubject subject = require_subject(state, params.string("uri").value_or(""));
  InteractionForm form;
  form.handle = params.string("handle").value_or("");
  auto session = http::cookie_value(req, kCsrfCookie);
  if (!session || !state.forms.consume(params.string(kCsrfField).value_or(""), *session, now_millis())) {
    form.error = "This form has expired. Please send it again.";
    form.status = 403;
    show_form(state, subject, req, res, std::move(form));
    return;
  }
  try {
    const std::string location = services::remote_interaction_url(
        state.webfinger, {state.pages.domain(), state.pages.urls.base()}, form.handle, subject.uri);
    res.status = 302;
    res.set_header("Location", location);
    res.set_header("Cache-Control", "no-store");
    res.set_content("", "text/plain");
  } catch (const services::ServiceError& e) {
    form.error = e.what();
    form.status = http::status_for(e.kind());
    show_form(state, subject, req, res, std::move(form));
  }
}

}  // namespace

void add_remote_interaction_routes(http::Router& router, const PublicPages& pages,
                                   federation::WebfingerClient& webfinger) {
  auto state = std::make_shared<InteractionState>(pages, webfinger);
  router.add(http::Method::Get, "/interact",
             [state](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               with_error_page(state->pages, res, [&] {
                 show_form(*state, require_subject(*state, req.get_param_value("uri")), req, res, InteractionForm{});
               });
             });
  router.add(http::Method::Post, "/interact",
             [state](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               with_error_page(state->pages, res, [&] { submit(*state, req, res); });
             });
}

}  // namespace vmst::web
