// GET /api/v2/search (Search {accounts, statuses, hashtags}) and the old GET /api/v1/search, whose hashtags are
// plain names.
#include <algorithm>

#include "api/account_request_support.hpp"
#include "api/accounts_routes.hpp"
#include "api/authentication.hpp"
#include "convert/mastodon/search_results.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/search.hpp"
#include "time/timestamps.hpp"

namespace vmst::api {

namespace {

nlohmann::json run_search(ApiContext& api, const httplib::Request& req, bool tags_as_names) {
  auto viewer = viewer_if_token(req, api.db, "read:search");
  const auto params = http::RequestParams::from(req);
  const auto q = params.string("q");
  if (!q || q->empty()) throw http::HttpError(400, "param is missing or the value is empty: q");
  services::SearchRequest request;
  request.query = *q;
  request.type = params.string("type").value_or("");
  request.resolve = params.flag("resolve", false);
  request.following = params.flag("following", false);
  request.viewer = viewer;
  request.limit = static_cast<int>(std::clamp<int64_t>(params.integer("limit").value_or(20), 1, 40));
  request.offset = static_cast<int>(std::clamp<int64_t>(params.integer("offset").value_or(0), 0, 10'000));
  const auto page = parse_page(params, 20, 40);
  request.max_id = page.max_id;
  request.min_id = page.min_id;
  if (auto account_id = params.string("account_id"); account_id && !account_id->empty()) {
    request.account_id = params.integer("account_id");
  }
  request.now = now_millis();
  // Mastodon's own limits for anonymous searches.
  if (!viewer) {
    if (params.has("offset") && request.offset > 0) {
      throw http::HttpError(401, "Search queries pagination is not supported without authentication");
    }
    if (request.resolve) {
      throw http::HttpError(401, "Search queries that resolve remote resources are not supported without authentication");
    }
  }
  services::SearchEnvironment env{api.db, api.resolver, api.webfinger, api.urls, api.config.instance.domain};
  auto results = services::search(env, request);
  auto json = convert::mastodon::search_results_json(results, api.urls);
  if (tags_as_names) {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& tag : results.hashtags) names.push_back(tag.name);
    json["hashtags"] = names;
  }
  return json;
}

}  // namespace

void add_search_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v2/search",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               http::send_json(res, 200, run_search(api, req, false));
             });
  router.add(http::Method::Get, "/api/v1/search",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               http::send_json(res, 200, run_search(api, req, true));
             });
}

}  // namespace vmst::api
