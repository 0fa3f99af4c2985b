#include "convert/mastodon/notification.hpp"

#include "convert/mastodon/account.hpp"
#include "convert/mastodon/status.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::mastodon {

bool notification_has_status(std::string_view type) {
  return type == "mention" || type == "status" || type == "reblog" || type == "favourite" || type == "poll" ||
         type == "update";
}

nlohmann::json severance_event_json(const store::SeveranceEventView& event) {
  return {{"id", std::to_string(event.id)},
          {"type", event.type},
          {"purged", event.purged},
          {"target_name", event.target_name},
          {"followers_count", event.followers_count},
          {"following_count", event.following_count},
          {"created_at", format_iso8601_millis(event.created_at)}};
}

nlohmann::json notification_json(const store::NotificationRow& n, const store::AccountRecord& from,
                                 const StatusBundle& statuses, const federation::LocalUrls& urls,
                                 const store::SeveranceEventView* event) {
  nlohmann::json json = {
      {"id", std::to_string(n.id)},
      {"type", n.type},
      {"created_at", format_iso8601_millis(n.created_at)},
      {"account", account_json(from, urls)},
      // The group it belongs to in /api/v2/notifications; a notification of a type never grouped is its own.
      {"group_key", n.group_key.value_or("ungrouped-" + std::to_string(n.id))},
      {"filtered", false},
  };
  if (notification_has_status(n.type)) {
    if (!n.status_id) return nullptr;
    auto status = status_json(statuses, *n.status_id, urls);
    if (status.is_null()) return nullptr;
    json["status"] = std::move(status);
  }
  if (n.type == "severed_relationships") {
    if (event == nullptr) return nullptr;
    json["event"] = severance_event_json(*event);
  }
  return json;
}

}  // namespace vmst::convert::mastodon
