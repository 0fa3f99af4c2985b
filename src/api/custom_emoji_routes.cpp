#include "api/custom_emoji_routes.hpp"

#include "convert/mastodon/custom_emoji.hpp"
#include "http/error_responses.hpp"
#include "services/directory.hpp"

namespace vmst::api {

void add_custom_emoji_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v1/custom_emojis",
             [&api](const httplib::Request&, httplib::Response& res, const http::PathParams&) {
               nlohmann::json out = nlohmann::json::array();
               for (const auto& emoji : services::local_custom_emojis(api.db)) {
                 out.push_back(convert::mastodon::custom_emoji_json(emoji, api.urls));
               }
               http::send_json(res, 200, out);
             });
}

}  // namespace vmst::api
