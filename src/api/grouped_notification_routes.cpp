#include "api/grouped_notification_routes.hpp"

#include "api/authentication.hpp"
#include "api/notification_routes.hpp"
#include "api/pagination.hpp"
#include "convert/mastodon/account.hpp"
#include "convert/mastodon/notification_group.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/grouped_notifications.hpp"

namespace vmst::api {

namespace {

constexpr int kDefaultLimit = 40;
constexpr int kMaxLimit = 80;

services::GroupedNotificationQuery grouped_query(const http::RequestParams& params) {
  return services::GroupedNotificationQuery{notification_query(params), params.strings("grouped_types")};
}

convert::mastodon::GroupedAccounts accounts_mode(const http::RequestParams& params) {
  return params.string("expand_accounts").value_or("") == "partial_avatars"
             ? convert::mastodon::GroupedAccounts::PartialAvatars
             : convert::mastodon::GroupedAccounts::Full;
}

}  // namespace

void add_grouped_notification_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v2/notifications",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto viewer = require_user(req, api.db, "read:notifications");
               auto params = http::RequestParams::from(req);
               auto page = parse_page(params, kDefaultLimit, kMaxLimit);
               auto groups = services::list_notification_groups(api.db, *viewer.account_id, grouped_query(params),
                                                                to_id_page(page));
               if (groups.newest_cursor) {
                 const size_t paged = groups.more ? static_cast<size_t>(page.limit) : groups.groups.size();
                 set_link_header(res, req, api.urls.base(), page, paged, groups.newest_cursor,
                                 groups.oldest_cursor);
               }
               http::send_json(res, 200,
                               convert::mastodon::grouped_notifications_json(groups, api.urls, accounts_mode(params)));
             });

  router.add(http::Method::Get, "/api/v2/notifications/unread_count",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto viewer = require_user(req, api.db, "read:notifications");
               auto params = http::RequestParams::from(req);
               const auto count = services::unread_notification_group_count(api.db, *viewer.account_id,
                                                                            grouped_query(params),
                                                                            unread_count_limit(params));
               http::send_json(res, 200, {{"count", count}});
             });

  router.add(http::Method::Get, "/api/v2/notifications/:group_key",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = require_user(req, api.db, "read:notifications");
               auto params = http::RequestParams::from(req);
               auto group = services::get_notification_group(api.db, *viewer.account_id, path.get("group_key"));
               http::send_json(res, 200,
                               convert::mastodon::grouped_notifications_json(group, api.urls, accounts_mode(params)));
             });

  router.add(http::Method::Get, "/api/v2/notifications/:group_key/accounts",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = require_user(req, api.db, "read:notifications");
               nlohmann::json out = nlohmann::json::array();
               for (const auto& account :
                    services::notification_group_accounts(api.db, *viewer.account_id, path.get("group_key"))) {
                 out.push_back(convert::mastodon::account_json(account, api.urls));
               }
               http::send_json(res, 200, out);
             });

  router.add(http::Method::Post, "/api/v2/notifications/:group_key/dismiss",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = require_user(req, api.db, "write:notifications");
               services::dismiss_notification_group(api.db, *viewer.account_id, path.get("group_key"));
               http::send_json(res, 200, nlohmann::json::object());
             });
}

}  // namespace vmst::api
