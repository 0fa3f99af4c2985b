#include "convert/mastodon/scheduled_status.hpp"

#include "convert/mastodon/media_attachment.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::mastodon {

nlohmann::json scheduled_status_json(const services::ScheduledStatusView& view, const federation::LocalUrls& urls) {
  nlohmann::json media = nlohmann::json::array();
  for (const auto& m : view.media) media.push_back(media_json(m, urls));
  auto params = nlohmann::json::parse(view.record.params_json, nullptr, false);
  if (!params.is_object()) params = nlohmann::json::object();
  return {{"id", std::to_string(view.record.id)},
          {"scheduled_at", format_iso8601_millis(view.record.scheduled_at)},
          {"params", std::move(params)},
          {"media_attachments", std::move(media)}};
}

}  // namespace vmst::convert::mastodon
