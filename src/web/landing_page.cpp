#include "web/landing_page.hpp"

#include "services/instance_info.hpp"
#include "web/page_templates.hpp"

namespace vmst::web {

RenderedHtml render_landing_page(const PublicPages& pages) {
  auto records = services::load_instance_records(pages.db);
  const auto& registrations = pages.config.instance.registrations;
  TemplateData d;
  d.set("title", pages.config.instance.title);
  d.set("domain", pages.domain());
  d.set("description", text_or_false(records.short_description));
  d.set("sign_up_open", registrations == "open");
  d.set("sign_up_approval", registrations == "approval");
  d.set("users", std::to_string(records.usage.total_users));
  d.set("active_month", std::to_string(records.usage.active_month));
  d.set("posts", std::to_string(records.usage.local_posts));
  PageMeta meta;
  meta.description = records.short_description;
  meta.canonical_url = pages.urls.base() + "/";
  return RenderedHtml{200, render_page(pages.site(), meta, render_template("landing", d))};
}

}  // namespace vmst::web
