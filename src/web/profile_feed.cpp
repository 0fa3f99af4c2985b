#include "web/profile_feed.hpp"

#include <ctime>

#include "services/account_statuses.hpp"
#include "text/html_sanitizer.hpp"
#include "web/page_layout.hpp"
#include "web/page_links.hpp"
#include "web/page_templates.hpp"

namespace vmst::web {

namespace {

constexpr int kFeedSize = 20;

}  // namespace

std::string rfc822_time(int64_t millis) {
  std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  // strftime's %a and %b follow the C locale, which the program never changes.
  char buffer[64];
  size_t n = std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &parts);
  return std::string(buffer, n);
}

std::string render_profile_feed(const PublicPages& pages, const store::AccountRecord& account) {
  const auto& urls = pages.urls;
  services::AccountStatusesPage posts;
  if (!account.suspended_at) {
    services::AccountStatusesFilter filter;
    filter.exclude_replies = true;
    filter.exclude_reblogs = true;
    pages.db.read([&](store::Connection& c) {
      // Read ahead: unlisted posts are read but left out.
      posts = services::account_statuses(c, account, std::nullopt, filter, store::PageRange{{}, {}, {}, 2 * kFeedSize});
    });
  }
  TemplateData d;
  d.set("title", display_name(account));
  d.set("link", urls.profile_page(account.username));
  d.set("feed_url", urls.profile_page(account.username) + ".rss");
  d.set("description", "Public posts from " + full_handle(account, pages.domain()));
  d.set("image_url", avatar_url(account, urls));
  TemplateList items;
  for (int64_t id : posts.ids) {
    const store::StatusRecord* s = posts.bundle.status(id);
    // Unlisted posts stay out of feeds, as they stay out of public timelines.
    if (!s || s->visibility != "public") continue;
    if (items.size() == static_cast<size_t>(kFeedSize)) break;
    TemplateData item;
    item.set("link", urls.status_page(account.username, s->id));
    item.set("guid", s->uri);
    item.set("pub_date", rfc822_time(s->created_at));
    item.set("title", text_or_false(s->spoiler_text));
    item.set("content", s->content);
    TemplateList media;
    if (auto it = posts.bundle.media.find(s->id); it != posts.bundle.media.end()) {
      for (const auto& m : it->second) {
        if (!m.file_path) continue;
        TemplateData e;
        e.set("url", urls.media_file(*m.file_path));
        e.set("type", m.file_content_type.value_or("application/octet-stream"));
        e.set("length", std::to_string(m.file_size.value_or(0)));
        media.push_back(e);
      }
    }
    item.set("enclosures", media);
    items.push_back(item);
  }
  d.set("items", items);
  return render_template("feed.rss", d);
}

}  // namespace vmst::web
