#pragma once
// Grouped notifications (Mastodon 4.3, /api/v2/notifications): a page of notification groups, each shown as its
// newest notification in the page, with how many notifications it holds, up to 8 sample accounts (newest first)
// and the page bounds clients merge pages with. Paging walks notifications as Mastodon does: the next page starts
// below the oldest notification a page examined, so a long-running group may appear again, older, on the next page.
// Groups that are not shown do not count: a page holds `limit` groups whenever there are that many.
// The v1 rules apply: shown types, blocks and mutes, `hide` filters of the notifications context.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/notifications.hpp"

namespace vmst::services {

struct GroupedNotificationQuery {
  NotificationQuery filter;
  std::vector<std::string> grouped_types;  // empty: every groupable type
};

struct NotificationGroupPageBounds {
  int64_t min_id = 0;               // the group's oldest notification in the page
  int64_t max_id = 0;               // its newest
  int64_t latest_created_at = 0;    // when its newest in the page was made
};

struct NotificationGroup {
  std::string group_key;
  store::NotificationRow head;      // type, status and event of the group
  int64_t notifications_count = 1;
  int64_t most_recent_notification_id = 0;
  std::vector<int64_t> sample_account_ids;  // newest first, at most kSampleAccounts
  std::optional<NotificationGroupPageBounds> page;  // set in paged listings only
};

struct GroupedNotificationPage {
  std::vector<NotificationGroup> groups;  // newest first
  NotificationPage details;               // accounts (every sample account), statuses, severance events
  std::optional<int64_t> newest_cursor, oldest_cursor;  // for the Link header; unset on an empty page
  bool more = false;  // the page stopped before the notifications ran out: the Link header offers the next one
};

inline constexpr int kSampleAccounts = 8;

GroupedNotificationPage list_notification_groups(store::Database& db, int64_t viewer,
                                                 const GroupedNotificationQuery& query, const store::IdPage& page);

// One group by its key. ServiceError NotFound when the viewer has no shown notification in it.
GroupedNotificationPage get_notification_group(store::Database& db, int64_t viewer, const std::string& group_key);

// The accounts that caused the group's notifications, newest first. ServiceError NotFound for an empty group.
std::vector<store::AccountRecord> notification_group_accounts(store::Database& db, int64_t viewer,
                                                              const std::string& group_key);

// Removes every notification of the group (nothing to remove is not an error, as in Mastodon).
void dismiss_notification_group(store::Database& db, int64_t viewer, const std::string& group_key);

// Groups with notifications newer than the viewer's notifications marker, counted up to limit.
int64_t unread_notification_group_count(store::Database& db, int64_t viewer, const GroupedNotificationQuery& query,
                                        int limit);

}  // namespace vmst::services
