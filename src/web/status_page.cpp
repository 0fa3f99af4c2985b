#include "web/status_page.hpp"

#include <algorithm>

#include "http/error_responses.hpp"
#include "services/status_views.hpp"
#include "text/html_sanitizer.hpp"
#include "web/page_emoji.hpp"
#include "web/page_links.hpp"
#include "web/page_templates.hpp"
#include "web/status_card.hpp"

namespace vmst::web {

namespace {

constexpr int kMaxAncestors = 40;
constexpr int kMaxReplies = 60;

}  // namespace

RenderedHtml render_status_page(const PublicPages& pages, const store::AccountRecord& author, int64_t status_id) {
  const auto& urls = pages.urls;
  std::vector<int64_t> ancestors, replies;
  convert::mastodon::StatusBundle bundle;
  std::optional<store::StatusRecord> status;
  pages.db.read([&](store::Connection& c) {
    status = store::find_status(c, status_id);
    if (!status || status->account_id != author.id || status->reblog_of_id ||
        !services::status_visible_to(c, *status, std::nullopt)) {
      status.reset();
      return;
    }
    auto keep_visible = [&](const std::vector<int64_t>& ids, std::vector<int64_t>& out) {
      for (auto& s : store::find_statuses(c, ids)) {
        if (services::status_visible_to(c, s, std::nullopt)) out.push_back(s.id);
      }
    };
    auto ancestor_ids = store::ancestor_ids(c, status_id, kMaxAncestors);
    auto reply_ids = store::descendant_ids(c, status_id, kMaxReplies);
    keep_visible(ancestor_ids, ancestors);
    keep_visible(reply_ids, replies);
    // find_statuses answers in no particular order; the thread reads in the order the store gave.
    auto in_order = [](const std::vector<int64_t>& order, std::vector<int64_t>& kept) {
      std::vector<int64_t> out;
      for (int64_t id : order) {
        if (std::find(kept.begin(), kept.end(), id) != kept.end()) out.push_back(id);
      }
      kept = std::move(out);
    };
    in_order(ancestor_ids, ancestors);
    in_order(reply_ids, replies);
    std::vector<int64_t> all = ancestors;
    all.push_back(status_id);
    all.insert(all.end(), replies.begin(), replies.end());
    bundle = services::load_statuses(c, all, std::nullopt);
  });
  if (!status) throw http::HttpError(404, "Record not found");

  PageMeta meta;
  const std::string plain = text::html_to_plain_text(status->content);
  meta.title = display_name(author) + ": \"" + summary_text(status->spoiler_text.empty() ? plain : status->spoiler_text, 60) + "\"";
  meta.description = status->spoiler_text.empty() ? summary_text(plain) : "Content warning: " + status->spoiler_text;
  meta.canonical_url = urls.status_page(author.username, status->id);
  meta.og_type = "article";
  meta.noindex = !author.indexable || !author.discoverable;
  meta.activity_url = status->uri;
  meta.image_url = web_url(avatar_url(author, urls));
  if (auto it = bundle.media.find(status->id); it != bundle.media.end() && !status->sensitive) {
    for (const auto& m : it->second) {
      if (m.type == "image" && m.file_path) {
        meta.image_url = urls.media_file(m.thumbnail_path.value_or(*m.file_path));
        meta.large_image = true;
        break;
      }
    }
  }

  // One string per list: copying kainjow data is deep.
  auto cards = [&](const std::vector<int64_t>& ids) {
    std::string out;
    for (int64_t id : ids) out += render_status_card(bundle, id, urls, pages.domain());
    return out;
  };
  TemplateData d;
  d.set("ancestors", cards(ancestors));
  d.set("status", render_status_card(bundle, status->id, urls, pages.domain(), {false, true}));
  d.set("replies", cards(replies));
  d.set("has_replies", !replies.empty());
  d.set("author_url", account_page_url(author, urls));
  auto author_emoji = bundle.account_emojis.find(author.id);
  d.set("author_name_html", text_with_emoji(display_name(author), author_emoji == bundle.account_emojis.end()
                                                                      ? std::vector<text::EmojiImage>{}
                                                                      : page_emoji_images(author_emoji->second, urls)));
  return RenderedHtml{200, render_page(pages.site(), meta, render_template("status_page", d))};
}

}  // namespace vmst::web
