#include "web/error_page.hpp"

#include "web/page_templates.hpp"

namespace vmst::web {

std::string error_heading(int status) {
  switch (status) {
    case 400: return "Bad request";
    case 403: return "Not available";
    case 404: return "Page not found";
    case 410: return "Gone";
    case 422: return "Cannot do that";
    case 429: return "Too many requests";
    default: return status >= 500 ? "Something went wrong" : "Not available";
  }
}

std::string render_error_page(const SiteInfo& site, int status, const std::string& message) {
  TemplateData d;
  d.set("status", std::to_string(status));
  d.set("heading", error_heading(status));
  d.set("message", message);
  PageMeta meta;
  meta.title = error_heading(status);
  meta.noindex = true;
  return render_page(site, meta, render_template("error", d));
}

}  // namespace vmst::web
