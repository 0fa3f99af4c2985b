#include "activitypub/collection_routes.hpp"

#include <charconv>

#include "activitypub/incoming_request.hpp"
#include "activitypub/local_account_gate.hpp"
#include "convert/activitystreams/collections.hpp"
#include "convert/activitystreams/context.hpp"
#include "http/error_responses.hpp"
#include "services/actor_collections.hpp"
#include "store/account_store.hpp"
#include "store/follow_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::activitypub {

namespace {
constexpr int kPageSize = 40;

int page_number(const httplib::Request& req) {
  if (!req.has_param("page")) return 0;
  const std::string text = req.get_param_value("page");
  int page = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), page);
  if (ec != std::errc() || end != text.data() + text.size() || page < 1 || page > 1000000) {
    throw http::HttpError(400, "page must be a positive integer");
  }
  return page;
}

void send(httplib::Response& res, const nlohmann::json& doc) {
  res.status = 200;
  res.set_content(doc.dump(), convert::as::kContentType);
}

void require_authorized_fetch(const federation::FetchAuthorization& authorization, const httplib::Request& req) {
  try {
    authorization.check(incoming_request(req), now_millis() / 1000);
  } catch (const federation::SignatureRejected& e) {
    throw http::HttpError(401, e.what());
  } catch (const federation::FetchForbidden& e) {
    throw http::HttpError(403, e.what());
  }
}

std::optional<int64_t> id_param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  const std::string text = req.get_param_value(name);
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
    throw http::HttpError(400, std::string(name) + " must be a status id");
  }
  return value;
}

// The page's own query, rebuilt in a fixed order so the page id is stable however the cursor was spelled.
std::string outbox_query(const store::PageRange& range) {
  std::string query = "page=true";
  if (range.max_id) query += "&max_id=" + std::to_string(*range.max_id);
  if (range.since_id) query += "&since_id=" + std::to_string(*range.since_id);
  if (range.min_id) query += "&min_id=" + std::to_string(*range.min_id);
  return query;
}

http::Handler outbox(store::Database& db, const federation::LocalUrls& urls,
                     const federation::FetchAuthorization& authorization) {
  return [&db, &urls, &authorization](const httplib::Request& req, httplib::Response& res,
                                      const http::PathParams& params) {
    require_authorized_fetch(authorization, req);
    auto account = require_servable_local_account(db, params.get("username"), LocalAccountUse::Content);
    const std::string id = urls.outbox(account.username);
    if (!req.has_param("page")) return send(res, convert::as::outbox_collection(id, account.statuses_count));
    store::PageRange range;
    range.max_id = id_param(req, "max_id");
    range.since_id = id_param(req, "since_id");
    range.min_id = id_param(req, "min_id");
    range.limit = services::kOutboxPageSize;
    auto page = services::outbox_page(db, account, range, urls);
    convert::as::OutboxPageLinks links{outbox_query(range), std::nullopt, page.newest_id};
    // As Mastodon: a full page links to the next older one (which may turn out empty).
    if (page.full) links.next_max_id = page.oldest_id;
    send(res, convert::as::outbox_page(id, page.items, links));
  };
}

http::Handler featured(store::Database& db, const federation::LocalUrls& urls,
                       const federation::FetchAuthorization& authorization) {
  return [&db, &urls, &authorization](const httplib::Request& req, httplib::Response& res,
                                      const http::PathParams& params) {
    require_authorized_fetch(authorization, req);
    auto account = require_servable_local_account(db, params.get("username"), LocalAccountUse::Content);
    send(res, convert::as::featured_collection(urls.featured(account.username),
                                               services::featured_notes(db, account, urls)));
  };
}

http::Handler featured_tags(store::Database& db, const federation::LocalUrls& urls,
                            const federation::FetchAuthorization& authorization) {
  return [&db, &urls, &authorization](const httplib::Request& req, httplib::Response& res,
                                      const http::PathParams& params) {
    require_authorized_fetch(authorization, req);
    auto account = require_servable_local_account(db, params.get("username"), LocalAccountUse::Content);
    send(res, convert::as::featured_tags_collection(urls.featured_tags(account.username)));
  };
}

using UriPage = std::vector<std::string> (*)(store::Connection&, int64_t, int, int);

http::Handler collection(store::Database& db, const federation::LocalUrls& urls,
                         const federation::FetchAuthorization& authorization, bool followers) {
  return [&db, &urls, &authorization, followers](const httplib::Request& req, httplib::Response& res,
                                                 const http::PathParams& params) {
    require_authorized_fetch(authorization, req);
    auto account = require_servable_local_account(db, params.get("username"), LocalAccountUse::Content);
    const std::string id = followers ? urls.followers(account.username) : urls.following(account.username);
    const int64_t total = followers ? account.followers_count : account.following_count;
    const bool show = !account.hide_collections && !account.suspended_at;
    const int page = page_number(req);
    if (page == 0 || !show) return send(res, convert::as::ordered_collection(id, total, show));
    UriPage fetch = followers ? store::follower_uris : store::following_uris;
    auto uris = db.read([&](store::Connection& c) { return fetch(c, account.id, kPageSize + 1, (page - 1) * kPageSize); });
    const bool has_next = uris.size() > static_cast<size_t>(kPageSize);
    if (has_next) uris.pop_back();
    std::vector<nlohmann::json> items(uris.begin(), uris.end());
    send(res, convert::as::ordered_collection_page(id, page, items, total, has_next));
  };
}
}  // namespace

void add_collection_routes(http::Router& router, store::Database& db, const federation::LocalUrls& urls,
                           const federation::FetchAuthorization& authorization) {
  router.add(http::Method::Get, "/users/:username/followers", collection(db, urls, authorization, true));
  router.add(http::Method::Get, "/users/:username/following", collection(db, urls, authorization, false));
  router.add(http::Method::Get, "/users/:username/outbox", outbox(db, urls, authorization));
  router.add(http::Method::Get, "/users/:username/collections/featured", featured(db, urls, authorization));
  router.add(http::Method::Get, "/users/:username/collections/tags", featured_tags(db, urls, authorization));
}

}  // namespace vmst::activitypub
