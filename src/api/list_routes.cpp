#include "api/list_routes.hpp"

#include "api/authentication.hpp"
#include "api/pagination.hpp"
#include "api/path_ids.hpp"
#include "convert/mastodon/account.hpp"
#include "convert/mastodon/list.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/lists.hpp"

namespace vmst::api {

namespace {

constexpr int kDefaultMembers = 40;
constexpr int kMaxMembers = 80;

services::ListChanges changes_of(const http::RequestParams& params) {
  return {params.string("title"), params.string("replies_policy"), params.boolean("exclusive")};
}

int64_t owner_of(const httplib::Request& req, ApiContext& api, std::string_view scope) {
  return *require_user(req, api.db, scope).account_id;
}

}  // namespace

void add_list_routes(http::Router& router, ApiContext& api) {
  using http::Method;
  using Path = const http::PathParams&;

  router.add(Method::Get, "/api/v1/lists", [&api](const httplib::Request& req, httplib::Response& res, Path) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& list : services::lists_of(api.db, owner_of(req, api, "read:lists"))) {
      out.push_back(convert::mastodon::list_json(list));
    }
    http::send_json(res, 200, out);
  });

  router.add(Method::Post, "/api/v1/lists", [&api](const httplib::Request& req, httplib::Response& res, Path) {
    const int64_t owner = owner_of(req, api, "write:lists");
    auto list = services::create_list(api.db, owner, changes_of(http::RequestParams::from(req)));
    http::send_json(res, 200, convert::mastodon::list_json(list));
  });

  router.add(Method::Get, "/api/v1/lists/:id", [&api](const httplib::Request& req, httplib::Response& res, Path path) {
    const int64_t owner = owner_of(req, api, "read:lists");
    http::send_json(res, 200, convert::mastodon::list_json(services::get_list(api.db, owner, path_id(path, "id"))));
  });

  router.add(Method::Put, "/api/v1/lists/:id", [&api](const httplib::Request& req, httplib::Response& res, Path path) {
    const int64_t owner = owner_of(req, api, "write:lists");
    const int64_t id = path_id(path, "id");
    auto list = services::update_list(api.db, owner, id, changes_of(http::RequestParams::from(req)));
    http::send_json(res, 200, convert::mastodon::list_json(list));
  });

  router.add(Method::Delete, "/api/v1/lists/:id",
             [&api](const httplib::Request& req, httplib::Response& res, Path path) {
               const int64_t owner = owner_of(req, api, "write:lists");
               services::delete_list(api.db, owner, path_id(path, "id"));
               http::send_json(res, 200, nlohmann::json::object());
             });

  router.add(Method::Get, "/api/v1/lists/:id/accounts",
             [&api](const httplib::Request& req, httplib::Response& res, Path path) {
               const int64_t owner = owner_of(req, api, "read:lists");
               const int64_t id = path_id(path, "id");
               auto params = http::RequestParams::from(req);
               // limit=0 asks for every member on one page, without Link (Mastodon's "unlimited").
               const bool everyone = params.string("limit") == std::optional<std::string>("0");
               auto page = parse_page(params, kDefaultMembers, kMaxMembers);
               auto members = services::list_members(
                   api.db, owner, id, everyone ? std::nullopt : std::optional<store::IdPage>(to_id_page(page)));
               nlohmann::json out = nlohmann::json::array();
               for (const auto& account : members) out.push_back(convert::mastodon::account_json(account, api.urls));
               if (!everyone && !members.empty()) {
                 set_link_header(res, req, api.urls.base(), page, members.size(), members.front().id,
                                 members.back().id);
               }
               http::send_json(res, 200, out);
             });

  router.add(Method::Post, "/api/v1/lists/:id/accounts",
             [&api](const httplib::Request& req, httplib::Response& res, Path path) {
               const int64_t owner = owner_of(req, api, "write:lists");
               const int64_t id = path_id(path, "id");
               auto ids = record_ids(http::RequestParams::from(req).strings("account_ids"));
               services::add_list_members(api.db, owner, id, ids);
               http::send_json(res, 200, nlohmann::json::object());
             });

  router.add(Method::Delete, "/api/v1/lists/:id/accounts",
             [&api](const httplib::Request& req, httplib::Response& res, Path path) {
               const int64_t owner = owner_of(req, api, "write:lists");
               const int64_t id = path_id(path, "id");
               auto ids = record_ids(http::RequestParams::from(req).strings("account_ids"));
               services::remove_list_members(api.db, owner, id, ids);
               http::send_json(res, 200, nlohmann::json::object());
             });
}

}  // namespace vmst::api
