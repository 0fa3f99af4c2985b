#include "api/status_rendering.hpp"

#include "convert/mastodon/status.hpp"
#include "http/error_responses.hpp"
#include "services/status_views.hpp"

namespace vmst::api {

nlohmann::json render_statuses(ApiContext& api, const std::vector<int64_t>& ids, std::optional<int64_t> viewer) {
  auto bundle = api.db.read([&](store::Connection& c) { return services::load_statuses(c, ids, viewer); });
  nlohmann::json out = nlohmann::json::array();
  for (int64_t id : ids) {
    auto json = convert::mastodon::status_json(bundle, id, api.urls);
    if (!json.is_null()) out.push_back(std::move(json));
  }
  return out;
}

nlohmann::json render_status(ApiContext& api, int64_t id, std::optional<int64_t> viewer) {
  auto list = render_statuses(api, {id}, viewer);
  if (list.empty()) throw http::HttpError(404, "Record not found");
  return list[0];
}

services::PostingContext posting_context(ApiContext& api) {
  return services::PostingContext{api.db,      api.urls,    api.config.instance.domain, &api.webfinger,
                                  api.enqueue, api.wake_delivery};
}

}  // namespace vmst::api
