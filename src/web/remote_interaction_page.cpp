#include "web/remote_interaction_page.hpp"

#include "net/url_encoding.hpp"
#include "services/emoji_usage.hpp"
#include "services/status_views.hpp"
#include "web/page_emoji.hpp"
#include "web/page_links.hpp"
#include "web/page_templates.hpp"
#include "web/status_card.hpp"

namespace vmst::web {

namespace {

std::string account_line(const PublicPages& pages, const store::AccountRecord& account,
                         const std::vector<store::CustomEmojiRecord>& emojis) {
  TemplateData a;
  a.set("name_html", text_with_emoji(display_name(account), page_emoji_images(emojis, pages.urls)));
  a.set("handle", full_handle(account, pages.domain()));
  a.set("url", account_page_url(account, pages.urls));
  a.set("avatar_url", web_url(avatar_url(account, pages.urls)));
  return render_template("interaction_account", a);
}

}  // namespace

std::string remote_interaction_form_url(const std::string& uri) { return "/interact?uri=" + net::percent_encode(uri); }

std::optional<InteractionSubject> find_interaction_subject(const PublicPages& pages, const std::string& uri) {
  if (uri.empty()) return std::nullopt;
  std::optional<InteractionSubject> subject;
  pages.db.read([&](store::Connection& c) {
    if (auto status = store::find_status_by_uri(c, uri)) {
      if (status->reblog_of_id || !services::status_visible_to(c, *status, std::nullopt)) return;
      auto bundle = services::load_statuses(c, {status->id}, std::nullopt);
      const store::AccountRecord* author = bundle.account(status->account_id);
      if (!author) return;
      subject = InteractionSubject{uri, false, "Interact with " + display_name(*author) + "’s post",
                                   render_status_card(bundle, status->id, pages.urls, pages.domain())};
      return;
    }
    auto account = store::find_account_by_uri(c, uri);
    if (!account || account->actor_type == "Application" || account->suspended_at || account->gone_at) return;
    subject = InteractionSubject{uri, true, "Follow " + display_name(*account),
                                 account_line(pages, *account, services::account_emojis(c, *account))};
  });
  return subject;
}

RenderedHtml render_remote_interaction_form(const PublicPages& pages, const InteractionSubject& subject,
                                            const InteractionForm& form) {
  TemplateData d;
  d.set("title", subject.title);
  d.set("subject", subject.card_html);
  d.set("uri", subject.uri);
  d.set("csrf_token", form.csrf_token);
  d.set("handle", form.handle);
  d.set("error", text_or_false(form.error));
  d.set("action", subject.account ? "follow" : "reply, boost or favourite");
  d.set("domain", pages.domain());
  d.set("search_url", "/web/search?q=" + net::percent_encode(subject.uri));
  PageMeta meta;
  meta.title = subject.title;
  meta.noindex = true;
  return RenderedHtml{form.status, render_page(pages.site(), meta, render_template("remote_interaction", d))};
}

}  // namespace vmst::web
