// The signed-in user's blocks, mutes and blocked domains.
#include "api/account_request_support.hpp"
#include "api/accounts_routes.hpp"
#include "api/authentication.hpp"
#include "convert/mastodon/muted_account.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/account_lookup.hpp"
#include "services/blocks.hpp"
#include "store/account_domain_block_store.hpp"
#include "store/block_store.hpp"
#include "store/mute_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::api {

namespace {

void blocks(ApiContext& api, const httplib::Request& req, httplib::Response& res) {
  auto user = require_user(req, api.db, "read:blocks");
  const auto page = parse_page(http::RequestParams::from(req), 40, 80);
  std::vector<store::PagedId> rows;
  auto out = api.db.read([&](store::Connection& c) {
    rows = store::blocks_page(c, *user.account_id, page_range(page));
    std::vector<int64_t> ids;
    for (const auto& row : rows) ids.push_back(row.id);
    return accounts_json(c, ids, api.urls);
  });
  if (!rows.empty()) set_link_header(res, req, api.urls.base(), page, rows.size(), rows.front().cursor, rows.back().cursor);
  http::send_json(res, 200, out);
}

void mutes(ApiContext& api, const httplib::Request& req, httplib::Response& res) {
  auto user = require_user(req, api.db, "read:mutes");
  const auto page = parse_page(http::RequestParams::from(req), 40, 80);
  std::vector<store::MutedRow> rows;
  nlohmann::json out = nlohmann::json::array();
  api.db.read([&](store::Connection& c) {
    rows = store::mutes_page(c, *user.account_id, now_millis(), page_range(page));
    std::vector<int64_t> ids;
    for (const auto& row : rows) ids.push_back(row.account_id);
    auto accounts = store::find_accounts(c, ids);
    for (const auto& row : rows) {
      for (const auto& account : accounts) {
        if (account.id == row.account_id) out.push_back(convert::mastodon::muted_account_json(account, row.expires_at, api.urls));
      }
    }
  });
  if (!rows.empty()) set_link_header(res, req, api.urls.base(), page, rows.size(), rows.front().cursor, rows.back().cursor);
  http::send_json(res, 200, out);
}

void domain_blocks(ApiContext& api, const httplib::Request& req, httplib::Response& res) {
  auto user = require_user(req, api.db, "read:blocks");
  const auto page = parse_page(http::RequestParams::from(req), 100, 200);
  auto rows = api.db.read(
      [&](store::Connection& c) { return store::account_domain_blocks_page(c, *user.account_id, page_range(page)); });
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [cursor, domain] : rows) out.push_back(domain);
  if (!rows.empty()) set_link_header(res, req, api.urls.base(), page, rows.size(), rows.front().first, rows.back().first);
  http::send_json(res, 200, out);
}

void change_domain_block(ApiContext& api, const httplib::Request& req, httplib::Response& res, bool add) {
  auto user = require_user(req, api.db, "write:blocks");
  const auto params = http::RequestParams::from(req);
  const auto domain = services::normalize_blocked_domain(params.string("domain").value_or(""), api.config.instance.domain);
  services::Outbox outbox(api.enqueue);
  api.db.write([&](store::Connection& c) {
    auto me = services::require_local_account(c, *user.account_id);
    if (add) {
      services::block_domain(c, outbox, me, domain, now_millis());
    } else {
      services::unblock_domain(c, me, domain);
    }
  });
  if (outbox.sent()) api.wake_delivery();
  http::send_json(res, 200, nlohmann::json::object());
}

}  // namespace

void add_block_and_mute_routes(http::Router& router, ApiContext& api) {
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  using Params = const http::PathParams&;
  router.add(http::Method::Get, "/api/v1/blocks", [&api](Req q, Res r, Params) { blocks(api, q, r); });
  router.add(http::Method::Get, "/api/v1/mutes", [&api](Req q, Res r, Params) { mutes(api, q, r); });
  router.add(http::Method::Get, "/api/v1/domain_blocks", [&api](Req q, Res r, Params) { domain_blocks(api, q, r); });
  router.add(http::Method::Post, "/api/v1/domain_blocks",
             [&api](Req q, Res r, Params) { change_domain_block(api, q, r, true); });
  router.add(http::Method::Delete, "/api/v1/domain_blocks",
             [&api](Req q, Res r, Params) { change_domain_block(api, q, r, false); });
}

}  // namespace vmst::api
