#include "api/saved_status_routes.hpp"

#include "api/authentication.hpp"
#include "api/pagination.hpp"
#include "convert/mastodon/status.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/saved_statuses.hpp"

namespace vmst::api {

namespace {

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 40;

using Lister = services::SavedStatusPage (*)(store::Database&, int64_t, const store::IdPage&);

void list_saved(ApiContext& api, const httplib::Request& req, httplib::Response& res, const char* scope, Lister lister) {
  auto viewer = require_user(req, api.db, scope);
  auto page = parse_page(http::RequestParams::from(req), kDefaultLimit, kMaxLimit);
  auto saved = lister(api.db, *viewer.account_id, to_id_page(page));
  nlohmann::json body = nlohmann::json::array();
  for (const auto& [row, status_id] : saved.rows) {
    auto status = convert::mastodon::status_json(saved.bundle, status_id, api.urls);
    if (!status.is_null()) body.push_back(std::move(status));
  }
  // The cursors are the favourite or bookmark ids, which only the Link header carries (as on Mastodon).
  if (!saved.rows.empty()) {
    set_link_header(res, req, api.urls.base(), page, saved.rows.size(), saved.rows.front().first,
                    saved.rows.back().first);
  }
  http::send_json(res, 200, body);
}

}  // namespace

void add_saved_status_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v1/favourites",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               list_saved(api, req, res, "read:favourites", services::favourited_statuses);
             });
  router.add(http::Method::Get, "/api/v1/bookmarks",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               list_saved(api, req, res, "read:bookmarks", services::bookmarked_statuses);
             });
}

}  // namespace vmst::api
