#include "api/directory_routes.hpp"

#include <algorithm>

#include "api/authentication.hpp"
#include "convert/mastodon/account.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/directory.hpp"

namespace vmst::api {

namespace {
constexpr int kDefaultLimit = 40;
constexpr int kMaxLimit = 80;
}  // namespace

void add_directory_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v1/directory",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto params = http::RequestParams::from(req);
               store::DirectoryQuery query;
               query.viewer = optional_viewer(req, api.db);
               // Unknown orders fall back to "active", Mastodon's default.
               query.by_activity = params.string("order").value_or("active") != "new";
               query.local_only = params.flag("local", false);
               query.offset = static_cast<int>(std::clamp<int64_t>(params.integer("offset").value_or(0), 0, 1'000'000));
               // Clamped, not rejected, like every Mastodon limit (client-api.md §0.7).
               query.limit = static_cast<int>(std::clamp<int64_t>(params.integer("limit").value_or(kDefaultLimit), 1, kMaxLimit));
               nlohmann::json out = nlohmann::json::array();
               for (const auto& account : services::directory_accounts(api.db, query)) {
                 out.push_back(convert::mastodon::account_json(account, api.urls));
               }
               http::send_json(res, 200, out);
             });
}

}  // namespace vmst::api
