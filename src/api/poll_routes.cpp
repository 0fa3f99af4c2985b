#include "api/poll_routes.hpp"

#include <charconv>

#include "api/authentication.hpp"
#include "api/path_ids.hpp"
#include "api/status_rendering.hpp"
#include "convert/mastodon/poll.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/polls.hpp"
#include "time/timestamps.hpp"

namespace vmst::api {

namespace {

using Req = const httplib::Request&;
using Res = httplib::Response&;
using Params = const http::PathParams&;

// Clients send option indexes as numbers (JSON) or text (forms); anything else names no option.
std::vector<int64_t> choice_indexes(const http::RequestParams& params) {
  std::vector<int64_t> out;
  for (const auto& text : params.strings("choices")) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
      throw http::HttpError(422, "Validation failed: The chosen vote option does not exist");
    }
    out.push_back(value);
  }
  return out;
}

void send_poll(Res res, const services::PollView& view) {
  http::send_json(res, 200, convert::mastodon::poll_json(view.poll, view.viewer, now_millis()));
}

}  // namespace

void add_poll_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v1/polls/:id", [&api](Req req, Res res, Params p) {
    auto viewer = optional_viewer(req, api.db);
    send_poll(res, services::visible_poll(api.db, path_id(p, "id"), viewer));
  });
  router.add(http::Method::Post, "/api/v1/polls/:id/votes", [&api](Req req, Res res, Params p) {
    auto principal = require_user(req, api.db, "write:statuses");
    auto params = http::RequestParams::from(req);
    auto ctx = posting_context(api);
    send_poll(res, services::vote_on_poll(ctx, *principal.account_id, path_id(p, "id"), choice_indexes(params)));
  });
}

}  // namespace vmst::api
