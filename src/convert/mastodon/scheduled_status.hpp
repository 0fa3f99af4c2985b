#pragma once
// ScheduledStatus: {id, scheduled_at, params, media_attachments}; params as stored (Mastodon's shape).
#include <nlohmann/json.hpp>

#include "federation/local_urls.hpp"
#include "services/scheduled_statuses.hpp"

namespace vmst::convert::mastodon {

nlohmann::json scheduled_status_json(const services::ScheduledStatusView& view, const federation::LocalUrls& urls);

}  // namespace vmst::convert::mastodon
