#include "web/profile_page.hpp"

#include <nlohmann/json.hpp>

#include "services/account_statuses.hpp"
#include "services/emoji_usage.hpp"
#include "text/html_sanitizer.hpp"
#include "web/page_emoji.hpp"
#include "web/page_links.hpp"
#include "web/page_templates.hpp"
#include "web/remote_interaction_page.hpp"
#include "web/status_card.hpp"

namespace vmst::web {

namespace {

TemplateList field_list(const store::AccountRecord& account, const std::vector<text::EmojiImage>& emojis) {
  TemplateList out;
  auto fields = nlohmann::json::parse(account.fields_json, nullptr, false);
  if (!fields.is_array()) return out;
  for (const auto& field : fields) {
    if (!field.is_object()) continue;
    TemplateData f;
    f.set("name_html", text_with_emoji(field.value("name", ""), emojis));
    // Stored HTML: rendered with rel="me" on its links for local accounts, sanitised on arrival for remote ones.
    f.set("value", html_with_emoji(field.value("value", ""), emojis));
    f.set("verified", field.contains("verified_at") && field["verified_at"].is_string());
    out.push_back(f);
  }
  return out;
}

std::string page_link(const std::string& base, const char* key, int64_t id) {
  return base + "?" + key + "=" + std::to_string(id);
}

}  // namespace

RenderedHtml render_profile_page(const PublicPages& pages, const store::AccountRecord& account,
                                 const store::PageRange& page) {
  const auto& urls = pages.urls;
  const std::string page_url = account_page_url(account, urls);
  const std::string handle = full_handle(account, pages.domain());
  PageMeta meta;
  meta.title = display_name(account) + " (" + handle + ")";
  meta.canonical_url = page_url;
  meta.og_type = "profile";
  // People who opted out of search and discovery are kept out of search engines; remote accounts are indexed at
  // their own server.
  meta.noindex = !account.local() || !account.indexable || !account.discoverable;

  TemplateData d;
  d.set("name", display_name(account));
  d.set("handle", handle);
  d.set("page_url", page_url);
  if (account.suspended_at) {
    d.set("suspended", true);
    meta.noindex = true;
    return RenderedHtml{403, render_page(pages.site(), meta, render_template("profile", d))};
  }

  const bool first_page = !page.max_id && !page.min_id;
  services::AccountStatusesPage pinned, posts;
  std::vector<store::CustomEmojiRecord> account_emoji;
  pages.db.read([&](store::Connection& c) {
    account_emoji = services::account_emojis(c, account);
    if (first_page) {
      services::AccountStatusesFilter pins;
      pins.pinned = true;
      pinned = services::account_statuses(c, account, std::nullopt, pins, store::PageRange{{}, {}, {}, 5});
    }
    services::AccountStatusesFilter filter;
    filter.exclude_replies = true;
    posts = services::account_statuses(c, account, std::nullopt, filter, page);
  });

  const std::string avatar = web_url(avatar_url(account, urls));
  meta.description = summary_text(text::html_to_plain_text(account.note));
  meta.image_url = avatar;
  if (account.local()) {
    meta.feed_url = urls.profile_page(account.username) + ".rss";
    meta.activity_url = account.uri;
  }

  const auto emojis = page_emoji_images(account_emoji, urls);
  d.set("name_html", text_with_emoji(display_name(account), emojis));
  d.set("suspended", false);
  d.set("local", account.local());
  d.set("remote_url", account.local() ? TemplateData(false) : TemplateData(web_url(account.url.value_or(account.uri))));
  d.set("avatar_url", avatar);
  d.set("header_url", web_url(header_url(account, urls)));
  d.set("note", html_with_emoji(account.note, emojis));
  d.set("bot", account.bot);
  d.set("locked", account.locked);
  d.set("fields", field_list(account, emojis));
  d.set("statuses_count", std::to_string(account.statuses_count));
  d.set("following_count", std::to_string(account.following_count));
  d.set("followers_count", std::to_string(account.followers_count));
  d.set("feed_url", text_or_false(meta.feed_url));
  // Visitors follow from their own server (the form asks for their handle); members sign in from there too.
  d.set("follow_url", remote_interaction_form_url(account.uri));

  // Cards go in as one string each list: copying kainjow data is deep, and a page holds twenty cards.
  std::string pinned_cards, post_cards;
  for (int64_t id : pinned.ids) {
    pinned_cards += render_status_card(pinned.bundle, id, urls, pages.domain(), {true, false});
  }
  for (int64_t id : posts.ids) post_cards += render_status_card(posts.bundle, id, urls, pages.domain());
  d.set("no_posts", pinned_cards.empty() && post_cards.empty());
  d.set("pinned", pinned_cards);
  d.set("posts", post_cards);
  const bool more = posts.read >= static_cast<size_t>(page.limit) && posts.oldest;
  d.set("older_url", more ? TemplateData(page_link(page_url, "max_id", *posts.oldest)) : TemplateData(false));
  d.set("newer_url", !first_page && posts.newest ? TemplateData(page_link(page_url, "min_id", *posts.newest))
                                                 : TemplateData(false));
  return RenderedHtml{200, render_page(pages.site(), meta, render_template("profile", d))};
}

}  // namespace vmst::web
