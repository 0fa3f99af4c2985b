#pragma once
// Grouped notifications as /api/v2/notifications answers them: {accounts, statuses, notification_groups} (plus
// partial_accounts when asked for partial avatars). A NotificationGroup is {group_key, notifications_count, type,
// most_recent_notification_id, page_min_id, page_max_id, latest_page_notification_at, sample_account_ids,
// status_id, event}: ids are strings; the page_* keys only in paged listings, status_id only for types about a
// status, event only for severed_relationships (as Mastodon's NotificationGroupSerializer).
#include <nlohmann/json.hpp>

#include "federation/local_urls.hpp"
#include "services/grouped_notifications.hpp"

namespace vmst::convert::mastodon {

enum class GroupedAccounts {
  Full,            // every sample account in `accounts`
  PartialAvatars,  // the first sample account of each group in full, the others as partial_accounts
};

nlohmann::json notification_group_json(const services::NotificationGroup& group,
                                       const services::NotificationPage& details);

nlohmann::json grouped_notifications_json(const services::GroupedNotificationPage& page,
                                          const federation::LocalUrls& urls, GroupedAccounts accounts);

// PartialAccountWithAvatar: {id, acct, url, avatar, avatar_static, locked, bot}.
nlohmann::json partial_account_json(const nlohmann::json& account);

}  // namespace vmst::convert::mastodon
