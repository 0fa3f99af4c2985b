#include "web/authorize_page.hpp"

#include <map>

#include "text/html_escape.hpp"
#include "web/html_page.hpp"

namespace vmst::web {

using text::html_escaped;

namespace {

constexpr const char* kStyle =
    "*{box-sizing:border-box}"
    "body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;"
    "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#eef0f4;color:#1f2330}"
    "main{width:100%;max-width:26rem;margin:1rem;padding:1.75rem;background:#fff;border-radius:12px;"
    "box-shadow:0 2px 12px rgba(20,24,40,.12)}"
    "h1{font-size:1.3rem;margin:0 0 .25rem}"
    ".instance{margin:0 0 1.25rem;color:#5b6275;font-size:.9rem}"
    "ul{margin:.25rem 0 1.25rem;padding-left:1.2rem}li{margin:.15rem 0}"
    "code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;background:#f1f2f6;padding:0 .25em;"
    "border-radius:4px}"
    "label{display:block;font-weight:600;margin:.75rem 0 .25rem;font-size:.95rem}"
    "input[type=text],input[type=password],input[type=email]{width:100%;padding:.6rem .7rem;font-size:1rem;"
    "border:1px solid #c4c8d4;border-radius:8px}"
    "input:focus{outline:2px solid #5860e0;outline-offset:1px}"
    ".actions{display:flex;gap:.75rem;margin-top:1.25rem}"
    "button{flex:1;padding:.65rem 1rem;font-size:1rem;font-weight:600;border-radius:8px;border:0;cursor:pointer}"
    ".approve{background:#5860e0;color:#fff}.deny{background:#e4e6ed;color:#1f2330}"
    ".error{background:#fde8e8;color:#8a1c1c;border-radius:8px;padding:.6rem .8rem;margin:0 0 1rem}"
    ".code{display:block;width:100%;padding:.75rem;font:1.05rem ui-monospace,Menlo,Consolas,monospace;"
    "text-align:center;word-break:break-all;border:1px dashed #9aa0b4;border-radius:8px;background:#f7f8fb}"
    "a{color:#4148c8}"
    "@media (prefers-color-scheme:dark){body{background:#15171e;color:#e3e5ec}main{background:#21242e;"
    "box-shadow:none}.instance{color:#9aa0b4}code,.code{background:#2b2f3b}"
    "input[type=text],input[type=password]{background:#15171e;color:#e3e5ec;border-color:#454a5a}"
    ".deny{background:#353a48;color:#e3e5ec}.error{background:#4a1f24;color:#ffd5d5}a{color:#9ea4ff}}";

std::string page(const std::string& title, const std::string& instance_title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta name=\"robots\" content=\"noindex\">"
         "<title>" + html_escaped(title) + " - " + html_escaped(instance_title) + "</title>"
         "<style>" + std::string(kStyle) + "</style></head><body><main>" + body + "</main></body></html>\n";
}

std::string hidden_inputs(const FormFields& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    out += "<input type=\"hidden\" name=\"" + html_escaped(name) + "\" value=\"" + html_escaped(value) + "\">";
  }
  return out;
}

bool http_url(const std::string& text) { return text.starts_with("https://") || text.starts_with("http://"); }

}  // namespace

std::string describe_scope(const std::string& scope) {
  static const std::map<std::string, std::string> kDescriptions = {
      {"read", "read all your account's data"},
      {"write", "change all your account's data: post, follow, edit your profile"},
      {"follow", "follow, block and mute accounts"},
      {"push", "receive your push notifications"},
      {"profile", "read your profile only"},
      {"crypto", "use end-to-end encryption"},
      {"read:accounts", "see accounts"},
      {"read:blocks", "see your blocks"},
      {"read:bookmarks", "see your bookmarks"},
      {"read:favourites", "see your favourites"},
      {"read:filters", "see your filters"},
      {"read:follows", "see your follows"},
      {"read:lists", "see your lists"},
      {"read:mutes", "see your mutes"},
      {"read:notifications", "see your notifications"},
      {"read:search", "search on your behalf"},
      {"read:statuses", "see all posts"},
      {"write:accounts", "change your profile"},
      {"write:blocks", "block accounts and domains"},
      {"write:bookmarks", "bookmark posts"},
      {"write:conversations", "mute and delete conversations"},
      {"write:favourites", "favourite posts"},
      {"write:filters", "create filters"},
      {"write:follows", "follow people"},
      {"write:lists", "create lists"},
      {"write:media", "upload media files"},
      {"write:mutes", "mute people and conversations"},
      {"write:notifications", "clear your notifications"},
      {"write:reports", "report other people"},
      {"write:statuses", "publish posts"},
  };
  auto it = kDescriptions.find(scope);
  if (it != kDescriptions.end()) return it->second;
  if (scope.starts_with("admin:")) return "administer the server (" + scope + ")";
  return scope;
}

std::string render_authorize_form(const AuthorizeFormView& view) {
  std::string body = "<h1>Authorize " + html_escaped(view.app_name) + "</h1><p class=\"instance\">on " +
                     html_escaped(view.instance_title);
  if (view.app_website && http_url(*view.app_website)) {
    body += " &middot; <a href=\"" + html_escaped(*view.app_website) + "\" rel=\"noopener noreferrer\">" +
            html_escaped(*view.app_website) + "</a>";
  }
  body += "</p>";
  if (!view.error.empty()) body += "<p class=\"error\" role=\"alert\">" + html_escaped(view.error) + "</p>";
  body += "<p>This application asks to:</p><ul>";
  for (const auto& scope : view.scopes) {
    body += "<li>" + html_escaped(describe_scope(scope)) + " <code>" + html_escaped(scope) + "</code></li>";
  }
  body += "</ul><form method=\"post\" action=\"/oauth/authorize\">" + hidden_inputs(view.hidden) +
          "<label for=\"login\">Email or username</label>"
          "<input type=\"text\" id=\"login\" name=\"login\" autocomplete=\"username\" autocapitalize=\"none\" "
          "spellcheck=\"false\" required autofocus value=\"" + html_escaped(view.login) + "\">"
          "<label for=\"password\">Password</label>"
          "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>"
          "<div class=\"actions\">"
          "<button type=\"submit\" class=\"deny\" name=\"decision\" value=\"deny\" formnovalidate>Deny</button>"
          "<button type=\"submit\" class=\"approve\" name=\"decision\" value=\"approve\">Authorize</button>"
          "</div></form>";
  return page("Authorize " + view.app_name, view.instance_title, body);
}

std::string render_authorization_code_page(const std::string& instance_title, const std::string& app_name,
                                           const std::string& code) {
  std::string body = "<h1>Authorization code</h1><p class=\"instance\">" + html_escaped(instance_title) +
                     "</p><p>Copy this code and paste it into " + html_escaped(app_name) + ":</p>"
                     "<output class=\"code\" id=\"code\">" + html_escaped(code) + "</output>"
                     "<p>It works once, within ten minutes.</p>";
  return page("Authorization code", instance_title, body);
}

FormPostPage render_form_post_page(const std::string& instance_title, const std::string& action,
                                   const FormFields& fields) {
  static const std::string kScript = "document.forms[0].submit();";
  std::string body = "<h1>Returning to the application</h1>"
                     "<form method=\"post\" action=\"" + html_escaped(action) + "\">" + hidden_inputs(fields) +
                     "<div class=\"actions\"><button type=\"submit\" class=\"approve\">Continue</button></div>"
                     "</form><script>" + kScript + "</script>";
  return FormPostPage{page("Returning to the application", instance_title, body), csp_script_hash(kScript)};
}

std::string render_authorize_error_page(const std::string& instance_title, const std::string& message) {
  std::string body = "<h1>Authorization failed</h1><p class=\"instance\">" + html_escaped(instance_title) +
                     "</p><p class=\"error\" role=\"alert\">" + html_escaped(message) + "</p>"
                     "<p>Go back to the application and try signing in again.</p>";
  return page("Authorization failed", instance_title, body);
}

}  // namespace vmst::web
