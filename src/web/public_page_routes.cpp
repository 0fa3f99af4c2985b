#include "web/public_page_routes.hpp"

#include <spdlog/spdlog.h>

#include <charconv>

#include "http/content_negotiation.hpp"
#include "http/error_responses.hpp"
#include "services/service_error.hpp"
#include "web/about_page.hpp"
#include "web/error_page.hpp"
#include "web/interaction_page.hpp"
#include "web/landing_page.hpp"
#include "web/moderated_servers_page.hpp"
#include "web/page_accounts.hpp"
#include "web/profile_feed.hpp"
#include "web/profile_page.hpp"
#include "web/public_page_response.hpp"
#include "web/robots_txt.hpp"
#include "web/status_page.hpp"
#include "web/tag_page.hpp"

namespace vmst::web {

namespace {

using Req = const httplib::Request&;
using Res = httplib::Response&;
using Params = const http::PathParams&;

std::optional<int64_t> id_param(Req req, const char* key) {
  if (!req.has_param(key)) return std::nullopt;
  std::string text = req.get_param_value(key);
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) throw http::HttpError(400, "Invalid " + std::string(key));
  return value;
}

void send(Res res, RenderedHtml page) { send_public_page(res, page.status, std::move(page.html)); }

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void send_status_page(const PublicPages& pages, Req req, Res res, const std::string& handle, const std::string& id_text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size()) throw http::HttpError(404, "Record not found");
  auto author = pages.db.read([&](store::Connection& c) { return find_page_account(c, handle.substr(1), pages.domain()); });
  if (!author.local()) throw http::HttpError(404, "Record not found");
  if (http::wants_activity_json(req)) {
    // Servers get the Note at its id, which decides what they may see.
    res.set_header("Vary", "Accept");
    res.set_redirect(pages.urls.status(author.username, id), 302);
    return;
  }
  if (author.suspended_at) throw http::HttpError(403, "This account has been suspended.");
  send(res, render_status_page(pages, author, id));
}

}  // namespace

void with_error_page(const PublicPages& pages, Res res, const std::function<void()>& handler) {
  int status = 500;
  std::string message = "The page could not be shown. Please try again later.";
  try {
    handler();
    return;
  } catch (const http::HttpError& e) {
    status = e.status();
    if (status != 404) message = e.what();
    else message = "There is nothing here. The page may have been removed, or the address may be mistyped.";
  } catch (const services::ServiceError& e) {
    status = http::status_for(e.kind());
    message = status == 404 ? "There is nothing here. The page may have been removed, or the address may be mistyped."
                            : e.what();
  } catch (const std::exception& e) {
    spdlog::error("public page failed: {}", e.what());
  }
  send_public_page(res, status, render_error_page(pages.site(), status, message));
}

void send_account_page(const PublicPages& pages, Req req, Res res, const std::string& segment) {
  with_error_page(pages, res, [&] {
    if (segment.size() < 2 || segment.front() != '@') throw http::HttpError(404, "Record not found");
    std::string handle = segment.substr(1);
    const bool feed = ends_with(handle, ".rss");
    if (feed) handle.resize(handle.size() - 4);
    auto account = pages.db.read([&](store::Connection& c) { return find_page_account(c, handle, pages.domain()); });
    if (feed) {
      if (!account.local()) throw http::HttpError(404, "Record not found");
      res.status = 200;
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_content(render_profile_feed(pages, account), kRssContentType);
      return;
    }
    store::PageRange range;
    range.max_id = id_param(req, "max_id");
    range.min_id = id_param(req, "min_id");
    range.limit = kProfilePageSize;
    send(res, render_profile_page(pages, account, range));
  });
}

void add_public_page_routes(http::Router& router, const PublicPages& pages) {
  using http::Method;
  router.add(Method::Get, "/", [pages](Req, Res res, Params) {
    with_error_page(pages, res, [&] { send(res, render_landing_page(pages)); });
  });
  router.add(Method::Get, "/about", [pages](Req, Res res, Params) {
    with_error_page(pages, res, [&] { send(res, render_about_page(pages)); });
  });
  router.add(Method::Get, "/about/more", [pages](Req, Res res, Params) {
    res.set_redirect(pages.urls.base() + "/about", 301);
  });
  router.add(Method::Get, "/about/moderated-servers", [pages](Req, Res res, Params) {
    with_error_page(pages, res, [&] { send(res, render_moderated_servers_page(pages)); });
  });
  router.add(Method::Get, "/tags/:name", [pages](Req req, Res res, Params p) {
    with_error_page(pages, res, [&] {
      store::IdPage page;
      page.max_id = id_param(req, "max_id");
      page.min_id = id_param(req, "min_id");
      page.limit = kTagPageSize;
      send(res, render_tag_page(pages, p.get("name"), page));
    });
  });
  router.add(Method::Get, "/:handle/:id", [pages](Req req, Res res, Params p) {
    const std::string& handle = p.get("handle");
    // Not a profile path: an unknown address, answered as the API answers one.
    if (handle.size() < 2 || handle.front() != '@') throw http::HttpError(404, "Record not found");
    with_error_page(pages, res, [&] { send_status_page(pages, req, res, handle, p.get("id")); });
  });
  router.add(Method::Get, "/authorize_interaction", [pages](Req req, Res res, Params) {
    with_error_page(pages, res, [&] {
      auto outcome = resolve_interaction(pages, req.get_param_value("uri"));
      if (auto* redirect = std::get_if<InteractionRedirect>(&outcome)) {
        res.set_redirect(redirect->location, 302);
        return;
      }
      send(res, std::get<RenderedHtml>(std::move(outcome)));
    });
  });
  router.add(Method::Get, "/robots.txt", [pages](Req, Res res, Params) {
    res.status = 200;
    res.set_header("Cache-Control", "public, max-age=3600");
    res.set_content(robots_txt(pages.config.web), "text/plain; charset=utf-8");
  });
}

}  // namespace vmst::web
