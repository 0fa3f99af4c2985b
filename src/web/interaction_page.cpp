#include "web/interaction_page.hpp"

#include <charconv>

#include "http/error_responses.hpp"
#include "net/url_encoding.hpp"
#include "services/account_lookup.hpp"
#include "services/status_views.hpp"
#include "text/trim.hpp"
#include "web/page_links.hpp"
#include "web/page_templates.hpp"
#include "web/status_card.hpp"

namespace vmst::web {

namespace {

bool is_web_url(const std::string& text) { return web_url(text) != "#"; }

// A status id from one of our permalink pages: <base>/@alice/123.
std::optional<int64_t> local_status_page_id(const std::string& uri, const std::string& base) {
  if (uri.rfind(base + "/@", 0) != 0) return std::nullopt;
  size_t slash = uri.rfind('/');
  if (slash <= base.size() + 1) return std::nullopt;
  int64_t id = 0;
  const char* first = uri.data() + slash + 1;
  const char* last = uri.data() + uri.size();
  auto [end, ec] = std::from_chars(first, last, id);
  if (ec != std::errc() || end != last || first == last) return std::nullopt;
  return id;
}

// The handle in one of our profile pages: <base>/@alice or <base>/@bob@remote.example.
std::optional<std::string> local_profile_page_handle(const std::string& uri, const std::string& base) {
  if (uri.rfind(base + "/@", 0) != 0) return std::nullopt;
  std::string rest = uri.substr(base.size() + 2);
  if (rest.empty() || rest.find('/') != std::string::npos) return std::nullopt;
  return rest;
}

}  // namespace

std::variant<InteractionRedirect, RenderedHtml> resolve_interaction(const PublicPages& pages, const std::string& raw) {
  const std::string uri(text::trim(raw, text::kSpacesTabsAndLineBreaks));
  if (uri.empty()) throw http::HttpError(400, "Say what to interact with: ?uri= is missing.");
  const auto& urls = pages.urls;

  std::optional<store::StatusRecord> status;
  std::optional<store::AccountRecord> account;
  convert::mastodon::StatusBundle bundle;
  pages.db.read([&](store::Connection& c) {
    if (is_web_url(uri)) {
      status = store::find_status_by_uri(c, uri);
      if (!status) {
        if (auto id = local_status_page_id(uri, urls.base())) status = store::find_status(c, *id);
      }
      if (status && (status->reblog_of_id || !services::status_visible_to(c, *status, std::nullopt))) status.reset();
      if (status) {
        bundle = services::load_statuses(c, {status->id}, std::nullopt);
        return;
      }
      account = store::find_account_by_uri(c, uri);
      if (!account) {
        if (auto handle = local_profile_page_handle(uri, urls.base())) {
          if (auto parsed = services::parse_handle(*handle)) account = services::find_by_handle(c, *parsed, pages.domain());
        }
      }
    } else if (auto parsed = services::parse_handle(uri)) {
      account = services::find_by_handle(c, *parsed, pages.domain());
    }
    if (account && (account->actor_type == "Application" || account->suspended_at || account->gone_at)) {
      account.reset();
    }
  });

  if (status && status->local) {
    const store::AccountRecord* author = bundle.account(status->account_id);
    if (author) return InteractionRedirect{urls.status_page(author->username, status->id)};
  }
  if (account && account->local()) return InteractionRedirect{account_page_url(*account, urls)};

  TemplateData d;
  d.set("uri", uri);
  d.set("search_url", "/web/search?q=" + net::percent_encode(uri));
  d.set("status_card", status ? TemplateData(render_status_card(bundle, status->id, urls, pages.domain()))
                              : TemplateData(false));
  if (account) {
    TemplateData a;
    a.set("name", display_name(*account));
    a.set("handle", full_handle(*account, pages.domain()));
    a.set("url", account_page_url(*account, urls));
    a.set("avatar_url", web_url(avatar_url(*account, urls)));
    d.set("account", a);
  } else {
    d.set("account", false);
  }
  d.set("unknown", !status && !account);
  d.set("domain", pages.domain());
  PageMeta meta;
  meta.title = "Interact from your account";
  meta.noindex = true;
  return RenderedHtml{200, render_page(pages.site(), meta, render_template("interaction", d))};
}

}  // namespace vmst::web
