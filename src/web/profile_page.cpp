#include "web/profile_page.hpp"

#include "text/html_escape.hpp"

namespace vmst::web {

using text::html_escaped;

std::string render_profile_page(const store::AccountRecord& account, const std::string& domain,
                                const std::string& instance_title) {
  const std::string handle = "@" + account.username + "@" + domain;
  const std::string name = account.display_name.empty() ? account.username : account.display_name;
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>" + html_escaped(name) + " (" + html_escaped(handle) + ") - " + html_escaped(instance_title) + "</title>"
      "<link rel=\"alternate\" type=\"application/activity+json\" href=\"" + html_escaped(account.uri) + "\">"
      "</head><body><main><h1>" + html_escaped(name) + "</h1><p>" + html_escaped(handle) + "</p>";
  // The note is HTML that vmst rendered (local) or sanitised (remote) when it was stored.
  if (!account.suspended_at) page += "<div class=\"note\">" + account.note + "</div>";
  page += "</main></body></html>\n";
  return page;
}

}  // namespace vmst::web
