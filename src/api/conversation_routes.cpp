#include "api/conversation_routes.hpp"

#include "api/authentication.hpp"
#include "api/pagination.hpp"
#include "api/path_ids.hpp"
#include "convert/mastodon/conversation.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/conversations.hpp"

namespace vmst::api {

namespace {

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 40;

nlohmann::json render(const services::ConversationPage& page, const store::AccountConversationRecord& row,
                      const ApiContext& api) {
  return convert::mastodon::conversation_json(row, page.participants(row), page.statuses, api.urls);
}

}  // namespace

void add_conversation_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v1/conversations",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto viewer = require_user(req, api.db, "read:statuses");
               auto page = parse_page(http::RequestParams::from(req), kDefaultLimit, kMaxLimit);
               auto conversations = services::list_conversations(api.db, *viewer.account_id, to_id_page(page));
               nlohmann::json out = nlohmann::json::array();
               for (const auto& row : conversations.rows) out.push_back(render(conversations, row, api));
               // The cursor is the last status id, as in Mastodon: a conversation moves up when it gets a new one.
               if (!conversations.rows.empty()) {
                 set_link_header(res, req, api.urls.base(), page, conversations.rows.size(),
                                 conversations.rows.front().last_status_id, conversations.rows.back().last_status_id);
               }
               http::send_json(res, 200, out);
             });

  router.add(http::Method::Delete, "/api/v1/conversations/:id",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = require_user(req, api.db, "write:conversations");
               services::remove_conversation(api.db, *viewer.account_id, path_id(path, "id"));
               http::send_json(res, 200, nlohmann::json::object());
             });

  router.add(http::Method::Post, "/api/v1/conversations/:id/read",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto viewer = require_user(req, api.db, "write:conversations");
               auto page = services::mark_conversation_read(api.db, *viewer.account_id, path_id(path, "id"));
               http::send_json(res, 200, render(page, page.rows.front(), api));
             });
}

}  // namespace vmst::api
