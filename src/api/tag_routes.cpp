#include "api/tag_routes.hpp"

#include "api/authentication.hpp"
#include "api/pagination.hpp"
#include "convert/mastodon/tag.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/hashtags.hpp"

namespace vmst::api {

namespace {

constexpr int kDefaultLimit = 100;  // Mastodon's for followed_tags
constexpr int kMaxLimit = 200;

using Req = const httplib::Request&;
using Res = httplib::Response&;
using Params = const http::PathParams&;

nlohmann::json render(const services::HashtagView& v, const ApiContext& api) {
  return convert::mastodon::hashtag_json(v.tag, v.following, v.history, api.urls);
}

}  // namespace

void add_tag_routes(http::Router& router, ApiContext& api) {
  // Public, as on Mastodon; `following` needs a user token.
  router.add(http::Method::Get, "/api/v1/tags/:name", [&api](Req req, Res res, Params path) {
    auto viewer = optional_viewer(req, api.db);
    http::send_json(res, 200, render(services::hashtag(api.db, viewer, path.get("name")), api));
  });
  router.add(http::Method::Post, "/api/v1/tags/:name/follow", [&api](Req req, Res res, Params path) {
    auto user = require_user(req, api.db, "write:follows");
    http::send_json(res, 200, render(services::follow_hashtag(api.db, *user.account_id, path.get("name")), api));
  });
  router.add(http::Method::Post, "/api/v1/tags/:name/unfollow", [&api](Req req, Res res, Params path) {
    auto user = require_user(req, api.db, "write:follows");
    http::send_json(res, 200, render(services::unfollow_hashtag(api.db, *user.account_id, path.get("name")), api));
  });
  router.add(http::Method::Get, "/api/v1/followed_tags", [&api](Req req, Res res, Params) {
    auto user = require_user(req, api.db, "read:follows");
    auto page = parse_page(http::RequestParams::from(req), kDefaultLimit, kMaxLimit);
    auto tags = services::followed_hashtags(api.db, *user.account_id, to_id_page(page));
    nlohmann::json body = nlohmann::json::array();
    for (const auto& t : tags) body.push_back(render(t, api));
    if (!tags.empty()) set_link_header(res, req, api.urls.base(), page, tags.size(), tags.front().tag.id, tags.back().tag.id);
    http::send_json(res, 200, body);
  });
}

}  // namespace vmst::api
