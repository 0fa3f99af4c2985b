#pragma once
// The pages of the OAuth authorization endpoint: sign in and approve an app, the code for out-of-band clients, the
// auto-submitting form of response_mode=form_post, and errors. Self-contained HTML (inline CSS, no external
// assets): they are shown inside apps' web views and must work without the web UI. Every value is escaped.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vmst::web {

using FormFields = std::vector<std::pair<std::string, std::string>>;

struct AuthorizeFormView {
  std::string instance_title;
  std::string app_name;
  std::optional<std::string> app_website;  // shown as a link only when it is http(s)
  std::vector<std::string> scopes;
  FormFields hidden;    // the request's parameters and the CSRF token, posted back with the credentials
  std::string login;    // what was typed before a failed attempt
  std::string error;    // shown above the form when not empty
};

std::string render_authorize_form(const AuthorizeFormView& view);

// For redirect_uri urn:ietf:wg:oauth:2.0:oob: the code, to copy into the app.
std::string render_authorization_code_page(const std::string& instance_title, const std::string& app_name,
                                           const std::string& code);

// For response_mode=form_post: a form that posts `fields` to the redirect URI, submitted by an inline script (whose
// CSP hash is returned with the page) or by hand without JavaScript.
struct FormPostPage {
  std::string html;
  std::string script_hash;
};
FormPostPage render_form_post_page(const std::string& instance_title, const std::string& action,
                                   const FormFields& fields);

std::string render_authorize_error_page(const std::string& instance_title, const std::string& message);

// What a scope lets an app do, in a few words ("read" -> "read all your account's data").
std::string describe_scope(const std::string& scope);

}  // namespace vmst::web
