// Incoming follow requests of a locked account: list them, authorize or reject one (Accept/Reject to a remote
// requester).
#include "api/account_request_support.hpp"
#include "api/path_ids.hpp"
#include "api/accounts_routes.hpp"
#include "api/authentication.hpp"
#include "convert/mastodon/relationship.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/account_lookup.hpp"
#include "services/follows.hpp"
#include "services/relationships.hpp"
#include "store/follow_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::api {

namespace {

void list(ApiContext& api, const httplib::Request& req, httplib::Response& res) {
  auto user = require_user(req, api.db, "read:follows");
  const auto page = parse_page(http::RequestParams::from(req), 40, 80);
  std::vector<store::PagedId> rows;
  auto out = api.db.read([&](store::Connection& c) {
    rows = store::follow_requests_page(c, *user.account_id, page_range(page));
    std::vector<int64_t> ids;
    for (const auto& row : rows) ids.push_back(row.id);
    return accounts_json(c, ids, api.urls);
  });
  if (!rows.empty()) set_link_header(res, req, api.urls.base(), page, rows.size(), rows.front().cursor, rows.back().cursor);
  http::send_json(res, 200, out);
}

void answer(ApiContext& api, const httplib::Request& req, httplib::Response& res, const http::PathParams& p,
            bool authorize) {
  auto user = require_user(req, api.db, "write:follows");
  const int64_t requester_id = path_id(p.get("account_id"));
  services::Outbox outbox(api.enqueue);
  const int64_t now = now_millis();
  auto relationship = api.db.write([&](store::Connection& c) {
    auto me = services::require_local_account(c, *user.account_id);
    auto requester = services::require_account(c, requester_id);
    if (authorize) {
      services::authorize_follow_request(c, outbox, me, requester, now);
    } else {
      services::reject_follow_request(c, outbox, me, requester, now);
    }
    return services::relationship(c, me.id, requester.id, now);
  });
  if (outbox.sent()) api.wake_delivery();
  http::send_json(res, 200, convert::mastodon::relationship_json(relationship));
}

}  // namespace

void add_follow_request_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v1/follow_requests",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) { list(api, req, res); });
  router.add(http::Method::Post, "/api/v1/follow_requests/:account_id/authorize",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& p) {
               answer(api, req, res, p, true);
             });
  router.add(http::Method::Post, "/api/v1/follow_requests/:account_id/reject",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& p) {
               answer(api, req, res, p, false);
             });
}

}  // namespace vmst::api
