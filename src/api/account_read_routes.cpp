// Reading accounts: one account, lookup by handle, its statuses, followers and following, relationships, account
// search, the viewer's lists holding it, familiar followers and featured tags.
#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "api/account_request_support.hpp"
#include "api/path_ids.hpp"
#include "api/accounts_routes.hpp"
#include "api/authentication.hpp"
#include "convert/mastodon/account.hpp"
#include "convert/mastodon/familiar_followers.hpp"
#include "convert/mastodon/list.hpp"
#include "convert/mastodon/moved_account.hpp"
#include "convert/mastodon/relationship.hpp"
#include "convert/mastodon/status.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/account_lookup.hpp"
#include "services/account_statuses.hpp"
#include "services/emoji_usage.hpp"
#include "services/relationships.hpp"
#include "services/search.hpp"
#include "store/follow_store.hpp"
#include "store/list_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::api {

namespace {

// Relationships and familiar followers take at most this many ids per request.
constexpr size_t kMaxIdsPerRequest = 100;

std::vector<int64_t> ids_param(const http::RequestParams& params) {
  std::vector<int64_t> ids;
  for (const auto& text : params.strings("id")) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && value > 0) ids.push_back(value);
    if (ids.size() >= kMaxIdsPerRequest) break;
  }
  return ids;
}

// One account as GET /accounts/:id and /accounts/lookup show it: with the account it moved to, if it moved.
nlohmann::json single_account_json(ApiContext& api, const store::AccountRecord& account) {
  auto emojis = services::account_emojis(api.db, account);
  std::optional<store::AccountRecord> moved_to;
  if (account.moved_to_account_id) {
    moved_to = api.db.read([&](store::Connection& c) { return services::require_account(c, *account.moved_to_account_id); });
  }
  return moved_to ? convert::mastodon::moved_account_json(account, *moved_to, api.urls, emojis)
                  : convert::mastodon::account_json(account, api.urls, emojis);
}

void get_account(ApiContext& api, const httplib::Request& req, httplib::Response& res, const http::PathParams& p) {
  viewer_if_token(req, api.db, "read:accounts");
  const int64_t id = path_id(p.get("id"));
  auto account = api.db.read([&](store::Connection& c) { return services::require_account(c, id); });
  http::send_json(res, 200, single_account_json(api, account));
}

void lookup(ApiContext& api, const httplib::Request& req, httplib::Response& res) {
  viewer_if_token(req, api.db, "read:accounts");
  const auto params = http::RequestParams::from(req);
  auto handle = services::parse_handle(params.string("acct").value_or(""));
  if (!handle) throw http::HttpError(404, "Record not found");
  auto account = api.db.read(
      [&](store::Connection& c) { return services::find_by_handle(c, *handle, api.config.instance.domain); });
  if (!account) throw http::HttpError(404, "Record not found");
  http::send_json(res, 200, single_account_json(api, *account));
}

void statuses(ApiContext& api, const httplib::Request& req, httplib::Response& res, const http::PathParams& p) {
  auto viewer = viewer_if_token(req, api.db, "read:statuses");
  const int64_t id = path_id(p.get("id"));
  const auto params = http::RequestParams::from(req);
  const auto page = parse_page(params, 20, 40);
  services::AccountStatusesFilter filter;
  filter.only_media = params.flag("only_media", false);
  filter.exclude_replies = params.flag("exclude_replies", false);
  filter.exclude_reblogs = params.flag("exclude_reblogs", false);
  filter.pinned = params.flag("pinned", false);
  if (auto tagged = params.string("tagged"); tagged && !tagged->empty()) {
    filter.tagged = (*tagged)[0] == '#' ? tagged->substr(1) : *tagged;
  }
  nlohmann::json out = nlohmann::json::array();
  auto result = api.db.read([&](store::Connection& c) {
    auto author = services::require_account(c, id);
    return services::account_statuses(c, author, viewer, filter, page_range(page));
  });
  for (int64_t status_id : result.ids) {
    auto json = convert::mastodon::status_json(result.bundle, status_id, api.urls);
    if (!json.is_null()) out.push_back(std::move(json));
  }
  set_link_header(res, req, api.urls.base(), page, result.read, result.newest, result.oldest);
  http::send_json(res, 200, out);
}

enum class Direction { Followers, Following };

void follow_list(ApiContext& api, const httplib::Request& req, httplib::Response& res, const http::PathParams& p,
                 Direction direction) {
  auto viewer = viewer_if_token(req, api.db, "read:accounts");
  const int64_t id = path_id(p.get("id"));
  const auto page = parse_page(http::RequestParams::from(req), 40, 80);
  std::vector<store::PagedId> rows;
  nlohmann::json out = api.db.read([&](store::Connection& c) {
    auto account = services::require_account(c, id);
    const bool owner = viewer && *viewer == account.id;
    // Hidden collections and accounts that block the viewer show an empty list, as in Mastodon.
    if (!owner && (account.hide_collections || account.suspended_at || (viewer && store::is_blocking(c, account.id, *viewer)))) {
      return nlohmann::json::array();
    }
    rows = direction == Direction::Followers ? store::followers_page(c, account.id, page_range(page))
                                             : store::following_page(c, account.id, page_range(page));
    std::vector<int64_t> ids;
    for (const auto& row : rows) ids.push_back(row.id);
    return accounts_json(c, ids, api.urls);
  });
  if (!rows.empty()) set_link_header(res, req, api.urls.base(), page, rows.size(), rows.front().cursor, rows.back().cursor);
  http::send_json(res, 200, out);
}

void relationships(ApiContext& api, const httplib::Request& req, httplib::Response& res) {
  auto user = require_user(req, api.db, "read:follows");
  const auto ids = ids_param(http::RequestParams::from(req));
  auto found = api.db.read(
      [&](store::Connection& c) { return services::relationships(c, *user.account_id, ids, now_millis()); });
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : found) out.push_back(convert::mastodon::relationship_json(r));
  http::send_json(res, 200, out);
}

void account_search(ApiContext& api, const httplib::Request& req, httplib::Response& res) {
  auto user = require_user(req, api.db, "read:accounts");
  const auto params = http::RequestParams::from(req);
  services::AccountSearchRequest request;
  request.query = params.string("q").value_or("");
  request.resolve = params.flag("resolve", false);
  request.following = params.flag("following", false);
  request.viewer = user.account_id;
  request.limit = static_cast<int>(std::clamp<int64_t>(params.integer("limit").value_or(40), 1, 80));
  request.offset = static_cast<int>(std::clamp<int64_t>(params.integer("offset").value_or(0), 0, 10'000));
  services::SearchEnvironment env{api.db, api.resolver, api.webfinger, api.urls, api.config.instance.domain};
  nlohmann::json out = nlohmann::json::array();
  for (const auto& account : services::search_accounts(env, request)) {
    out.push_back(convert::mastodon::account_json(account, api.urls));
  }
  http::send_json(res, 200, out);
}

void lists_of(ApiContext& api, const httplib::Request& req, httplib::Response& res, const http::PathParams& p) {
  auto user = require_user(req, api.db, "read:lists");
  const int64_t id = path_id(p.get("id"));
  auto lists = api.db.read([&](store::Connection& c) {
    services::require_account(c, id);
    return store::lists_containing(c, *user.account_id, id);
  });
  nlohmann::json out = nlohmann::json::array();
  for (const auto& list : lists) out.push_back(convert::mastodon::list_json(list));
  http::send_json(res, 200, out);
}

void familiar_followers(ApiContext& api, const httplib::Request& req, httplib::Response& res) {
  auto user = require_user(req, api.db, "read:follows");
  const auto ids = ids_param(http::RequestParams::from(req));
  constexpr int kPerAccount = 40;
  nlohmann::json out = api.db.read([&](store::Connection& c) {
    nlohmann::json list = nlohmann::json::array();
    std::unordered_map<int64_t, bool> exists;
    for (const auto& account : store::find_accounts(c, ids)) exists[account.id] = !services::is_hidden_account(account);
    for (int64_t id : ids) {
      if (!exists[id]) continue;
      auto follower_ids = store::familiar_followers(c, *user.account_id, id, kPerAccount);
      auto followers = store::find_accounts(c, follower_ids);
      list.push_back(convert::mastodon::familiar_followers_json(id, followers, api.urls));
    }
    return list;
  });
  http::send_json(res, 200, out);
}

void featured_tags(ApiContext& api, const httplib::Request& req, httplib::Response& res, const http::PathParams& p) {
  viewer_if_token(req, api.db, "read:accounts");
  const int64_t id = path_id(p.get("id"));
  api.db.read([&](store::Connection& c) { services::require_account(c, id); });
  // Nobody can feature tags yet (POST /api/v1/featured_tags does not exist), so every list is empty.
  http::send_json(res, 200, nlohmann::json::array());
}

}  // namespace

void add_account_read_routes(http::Router& router, ApiContext& api) {
  using http::Method;
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  using Params = const http::PathParams&;
  router.add(Method::Get, "/api/v1/accounts/:id", [&api](Req q, Res r, Params p) { get_account(api, q, r, p); });
  router.add(Method::Get, "/api/v1/accounts/lookup", [&api](Req q, Res r, Params) { lookup(api, q, r); });
  router.add(Method::Get, "/api/v1/accounts/:id/statuses", [&api](Req q, Res r, Params p) { statuses(api, q, r, p); });
  router.add(Method::Get, "/api/v1/accounts/:id/followers",
             [&api](Req q, Res r, Params p) { follow_list(api, q, r, p, Direction::Followers); });
  router.add(Method::Get, "/api/v1/accounts/:id/following",
             [&api](Req q, Res r, Params p) { follow_list(api, q, r, p, Direction::Following); });
  router.add(Method::Get, "/api/v1/accounts/relationships", [&api](Req q, Res r, Params) { relationships(api, q, r); });
  router.add(Method::Get, "/api/v1/accounts/search", [&api](Req q, Res r, Params) { account_search(api, q, r); });
  router.add(Method::Get, "/api/v1/accounts/:id/lists", [&api](Req q, Res r, Params p) { lists_of(api, q, r, p); });
  router.add(Method::Get, "/api/v1/accounts/familiar_followers",
             [&api](Req q, Res r, Params) { familiar_followers(api, q, r); });
  router.add(Method::Get, "/api/v1/accounts/:id/featured_tags",
             [&api](Req q, Res r, Params p) { featured_tags(api, q, r, p); });
}

}  // namespace vmst::api
