#include "api/marker_routes.hpp"

#include <charconv>

#include "api/authentication.hpp"
#include "convert/mastodon/marker.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/markers.hpp"

namespace vmst::api {

namespace {

nlohmann::json render(const std::vector<store::MarkerRecord>& markers) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& m : markers) out[m.timeline] = convert::mastodon::marker_json(m);
  return out;
}

// home[last_read_id] / notifications[last_read_id], from a form or a JSON object.
std::vector<std::pair<std::string, int64_t>> positions_of(const http::RequestParams& params) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const std::string timeline : {"home", "notifications"}) {
    const auto* fields = params.object(timeline);
    if (!fields) continue;
    auto value = fields->find("last_read_id");
    auto text = value == fields->end() ? std::nullopt : http::scalar_text(*value);
    if (!text || text->empty()) throw http::HttpError(422, "Validation failed: Last read id can't be blank");
    int64_t id = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
    if (ec != std::errc() || end != text->data() + text->size() || id < 0) {
      throw http::HttpError(422, "Validation failed: Last read id is not a number");
    }
    out.emplace_back(timeline, id);
  }
  return out;
}

}  // namespace

void add_marker_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v1/markers",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto viewer = require_user(req, api.db, "read:statuses");
               auto timelines = http::RequestParams::from(req).strings("timeline");
               http::send_json(res, 200, render(services::get_markers(api.db, *viewer.account_id, timelines)));
             });

  router.add(http::Method::Post, "/api/v1/markers",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto viewer = require_user(req, api.db, "write:statuses");
               auto positions = positions_of(http::RequestParams::from(req));
               http::send_json(res, 200, render(services::save_markers(api.db, *viewer.account_id, positions)));
             });
}

}  // namespace vmst::api
