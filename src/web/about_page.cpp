#include "web/about_page.hpp"

#include "services/instance_contact.hpp"
#include "services/instance_info.hpp"
#include "services/instance_pages.hpp"
#include "services/instance_staff.hpp"
#include "web/page_links.hpp"
#include "web/page_templates.hpp"

namespace vmst::web {

namespace {

TemplateData person(const store::AccountRecord& a, const PublicPages& pages) {
  TemplateData p;
  p.set("name", display_name(a));
  p.set("handle", full_handle(a, pages.domain()));
  p.set("url", account_page_url(a, pages.urls));
  p.set("avatar_url", web_url(avatar_url(a, pages.urls)));
  return p;
}

TemplateData toc_entry(const std::string& anchor, const std::string& title) {
  TemplateData t;
  t.set("anchor", anchor);
  t.set("title", title);
  return t;
}

}  // namespace

RenderedHtml render_about_page(const PublicPages& pages) {
  auto records = services::load_instance_records(pages.db);
  std::vector<store::AccountRecord> staff;
  services::InstanceContact contact;
  pages.db.read([&](store::Connection& c) {
    staff = services::instance_staff(c);
    contact = services::instance_contact(c, pages.config.instance.contact_email);
  });

  TemplateList toc, sections;
  // The about page first; the others in the order `vmst page list` gives them.
  auto summaries = services::list_instance_pages(pages.db);
  std::stable_partition(summaries.begin(), summaries.end(),
                        [](const auto& s) { return s.page.slug == services::kAboutPage; });
  for (const auto& summary : summaries) {
    auto rendered = services::instance_page(pages.db, summary.page.slug, pages.domain());
    if (!rendered) continue;
    const std::string anchor = "page-" + summary.page.slug;
    toc.push_back(toc_entry(anchor, summary.page.title));
    TemplateData s;
    s.set("anchor", anchor);
    s.set("title", summary.page.title);
    // Markdown the admin wrote, rendered to HTML by vmst.
    s.set("html", rendered->html);
    sections.push_back(s);
  }
  if (!records.rules.empty()) toc.push_back(toc_entry("rules", "Rules"));
  toc.push_back(toc_entry("moderated-servers", "Moderated servers"));
  toc.push_back(toc_entry("contact", "Contact"));

  TemplateData d;
  d.set("title", pages.config.instance.title);
  d.set("domain", pages.domain());
  d.set("description", text_or_false(records.short_description));
  d.set("toc", toc);
  d.set("sections", sections);
  TemplateList rules;
  for (const auto& rule : records.rules) {
    TemplateData r;
    r.set("text", rule.text);
    r.set("hint", text_or_false(rule.hint));
    rules.push_back(r);
  }
  d.set("rules", rules);
  d.set("has_rules", !rules.empty());
  d.set("moderated_servers_url", pages.urls.base() + "/about/moderated-servers");
  d.set("contact_email", text_or_false(contact.email));
  d.set("contact_account", contact.account ? person(*contact.account, pages) : TemplateData(false));
  TemplateList staff_list;
  for (const auto& a : staff) {
    if (contact.account && contact.account->id == a.id) continue;
    staff_list.push_back(person(a, pages));
  }
  d.set("staff", staff_list);
  d.set("has_staff", !staff_list.empty());

  PageMeta meta;
  meta.title = "About";
  meta.description = records.short_description;
  meta.canonical_url = pages.urls.base() + "/about";
  return RenderedHtml{200, render_page(pages.site(), meta, render_template("about", d))};
}

}  // namespace vmst::web
