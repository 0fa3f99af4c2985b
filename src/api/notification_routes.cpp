#include "api/notification_routes.hpp"

#include <algorithm>
#include <charconv>

#include "api/authentication.hpp"
#include "api/grouped_notification_routes.hpp"
#include "api/pagination.hpp"
#include "api/path_ids.hpp"
#include "convert/mastodon/notification.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/notifications.hpp"

namespace vmst::api {

namespace {

constexpr int kDefaultLimit = 40;
constexpr int kMaxLimit = 80;
constexpr int kDefaultUnreadLimit = 100;
constexpr int kMaxUnreadLimit = 1000;

}  // namespace

services::NotificationQuery notification_query(const http::RequestParams& params) {
  services::NotificationQuery query;
  query.types = params.strings("types");
  query.exclude_types = params.strings("exclude_types");
  if (auto account = params.string("account_id"); account && !account->empty()) {
    int64_t id = 0;
    auto [end, ec] = std::from_chars(account->data(), account->data() + account->size(), id);
    // An id that names no account matches no notification, as in Mastodon.
    query.from_account_id = (ec == std::errc() && end == account->data() + account->size()) ? id : -1;
  }
  return query;
}

int unread_count_limit(const http::RequestParams& params) {
  int limit = kDefaultUnreadLimit;
  if (auto text = params.string("limit")) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec == std::errc() && end == text->data() + text->size()) {
      limit = static_cast<int>(std::clamp<int64_t>(value, 1, kMaxUnreadLimit));
    }
  }
  return limit;
}

namespace {

nlohmann::json render(const services::NotificationPage& page, const ApiContext& api) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& n : page.rows) {
    auto from = page.accounts.find(n.from_account_id);
    if (from == page.accounts.end()) continue;
    auto json = convert::mastodon::notification_json(n, from->second, page.statuses, api.urls,
                                                       page.severance_event(n.id));
    if (!json.is_null()) out.push_back(std::move(json));
  }
  return out;
}

}  // namespace

void add_notification_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v1/notifications",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto viewer = require_user(req, api.db, "read:notifications");
               auto params = http::RequestParams::from(req);
               auto page = parse_page(params, kDefaultLimit, kMaxLimit);
               auto notifications =
                   services::list_notifications(api.db, *viewer.account_id, notification_query(params), to_id_page(page));
               if (!notifications.rows.empty()) {
                 set_link_header(res, req, api.urls.base(), page, notifications.rows.size(),
                                 notifications.rows.front().id, notifications.rows.back().id);
               }
               http::send_json(res, 200, render(notifications, api));
             });

  router.add(http::Method::Get, "/api/v1/notifications/unread_count",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto viewer = require_user(req, api.db, "read:notifications");
               auto params = http::RequestParams::from(req);
               const auto count = services::unread_notification_count(api.db, *viewer.account_id,
                                                                      notification_query(params),
                                                                      unread_count_limit(params));
               http::send_json(res, 200, {{"count", count}});
             });

  router.add(http::Method::Get, "/api/v1/notifications/:id",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = require_user(req, api.db, "read:notifications");
               auto page = services::get_notification(api.db, *viewer.account_id, path_id(path, "id"));
               auto rendered = render(page, api);
               if (rendered.empty()) throw http::HttpError(404, "Record not found");
               http::send_json(res, 200, rendered.front());
             });

  router.add(http::Method::Post, "/api/v1/notifications/clear",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto viewer = require_user(req, api.db, "write:notifications");
               services::clear_notifications(api.db, *viewer.account_id);
               http::send_json(res, 200, nlohmann::json::object());
             });

  router.add(http::Method::Post, "/api/v1/notifications/:id/dismiss",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = require_user(req, api.db, "write:notifications");
               services::dismiss_notification(api.db, *viewer.account_id, path_id(path, "id"));
               http::send_json(res, 200, nlohmann::json::object());
             });

  add_grouped_notification_routes(router, api);
}

}  // namespace vmst::api
