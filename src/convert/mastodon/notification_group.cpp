#include "convert/mastodon/notification_group.hpp"

#include <algorithm>

#include "convert/mastodon/account.hpp"
#include "convert/mastodon/notification.hpp"
#include "convert/mastodon/status.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::mastodon {

nlohmann::json notification_group_json(const services::NotificationGroup& group,
                                       const services::NotificationPage& details) {
  nlohmann::json samples = nlohmann::json::array();
  for (int64_t id : group.sample_account_ids) samples.push_back(std::to_string(id));
  nlohmann::json json = {
      {"group_key", group.group_key},
      {"notifications_count", group.notifications_count},
      {"type", group.head.type},
      {"most_recent_notification_id", std::to_string(group.most_recent_notification_id)},
      {"sample_account_ids", std::move(samples)},
  };
  if (group.page) {
    json["page_min_id"] = std::to_string(group.page->min_id);
    json["page_max_id"] = std::to_string(group.page->max_id);
    json["latest_page_notification_at"] = format_iso8601_millis(group.page->latest_created_at);
  }
  if (notification_has_status(group.head.type) && group.head.status_id) {
    json["status_id"] = std::to_string(*group.head.status_id);
  }
  if (group.head.type == "severed_relationships") {
    if (const auto* event = details.severance_event(group.head.id)) json["event"] = severance_event_json(*event);
  }
  return json;
}

nlohmann::json partial_account_json(const nlohmann::json& account) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"id", "acct", "url", "avatar", "avatar_static", "locked", "bot"}) {
    out[key] = account.contains(key) ? account[key] : nlohmann::json(nullptr);
  }
  return out;
}

nlohmann::json grouped_notifications_json(const services::GroupedNotificationPage& page,
                                          const federation::LocalUrls& urls, GroupedAccounts accounts) {
  nlohmann::json groups = nlohmann::json::array();
  nlohmann::json statuses = nlohmann::json::array();
  std::vector<int64_t> full_ids, partial_ids, status_ids;
  auto add_once = [](std::vector<int64_t>& ids, int64_t id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const auto& g : page.groups) {
    auto json = notification_group_json(g, page.details);
    if (json.contains("status_id")) {
      auto status = status_json(page.details.statuses, *g.head.status_id, urls);
      if (status.is_null()) continue;
      if (std::find(status_ids.begin(), status_ids.end(), *g.head.status_id) == status_ids.end()) {
        status_ids.push_back(*g.head.status_id);
        statuses.push_back(std::move(status));
      }
    }
    for (size_t i = 0; i < g.sample_account_ids.size(); ++i) {
      const bool full = accounts == GroupedAccounts::Full || i == 0;
      add_once(full ? full_ids : partial_ids, g.sample_account_ids[i]);
    }
    groups.push_back(std::move(json));
  }
  std::erase_if(partial_ids, [&](int64_t id) { return std::find(full_ids.begin(), full_ids.end(), id) != full_ids.end(); });
  auto render = [&](const std::vector<int64_t>& ids, bool partial) {
    nlohmann::json out = nlohmann::json::array();
    for (int64_t id : ids) {
      auto it = page.details.accounts.find(id);
      if (it == page.details.accounts.end()) continue;
      auto json = account_json(it->second, urls);
      out.push_back(partial ? partial_account_json(json) : std::move(json));
    }
    return out;
  };
  nlohmann::json out = {{"accounts", render(full_ids, false)},
                        {"statuses", std::move(statuses)},
                        {"notification_groups", std::move(groups)}};
  if (accounts == GroupedAccounts::PartialAvatars) out["partial_accounts"] = render(partial_ids, true);
  return out;
}

}  // namespace vmst::convert::mastodon
