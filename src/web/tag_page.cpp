#include "web/tag_page.hpp"

#include "http/error_responses.hpp"
#include "services/timelines.hpp"
#include "store/tag_store.hpp"
#include "text/hashtag_name.hpp"
#include "web/page_templates.hpp"
#include "web/status_card.hpp"

namespace vmst::web {

RenderedHtml render_tag_page(const PublicPages& pages, const std::string& name, const store::IdPage& page) {
  if (!text::is_valid_hashtag_name(name)) throw http::HttpError(404, "Record not found");
  auto tag = pages.db.read([&](store::Connection& c) { return store::find_tag(c, text::normalize_hashtag_name(name)); });
  if (!tag) throw http::HttpError(404, "Record not found");
  const std::string shown = tag->display_name.empty() ? tag->name : tag->display_name;

  services::TagTimelineOptions options;
  options.tag = tag->name;
  auto timeline = services::tag_timeline(pages.db, std::nullopt, options, page);

  const std::string page_url = pages.urls.tag_page(text::hashtag_path_segment(tag->name));
  PageMeta meta;
  meta.title = "#" + shown;
  meta.description = "Public posts tagged #" + shown + " on " + pages.config.instance.title;
  meta.canonical_url = page_url;

  TemplateData d;
  d.set("name", shown);
  std::string cards;
  for (int64_t id : timeline.ids) cards += render_status_card(timeline.bundle, id, pages.urls, pages.domain());
  d.set("posts", cards);
  d.set("no_posts", cards.empty());
  const bool first_page = !page.max_id && !page.min_id;
  d.set("older_url", timeline.ids.size() >= static_cast<size_t>(page.limit)
                         ? TemplateData(page_url + "?max_id=" + std::to_string(timeline.ids.back()))
                         : TemplateData(false));
  d.set("newer_url", !first_page && !timeline.ids.empty()
                         ? TemplateData(page_url + "?min_id=" + std::to_string(timeline.ids.front()))
                         : TemplateData(false));
  return RenderedHtml{200, render_page(pages.site(), meta, render_template("tag", d))};
}

}  // namespace vmst::web
