#pragma once
// SQL for notifications.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/id_page.hpp"

namespace vmst::store {

struct NotificationRow {
  int64_t id;
  int64_t account_id;
  int64_t from_account_id;
  std::string type;
  std::optional<int64_t> status_id;
  int64_t created_at;
  // Shared by the notifications shown as one group (services/notification_grouping); none: a group of its own.
  std::optional<std::string> group_key = std::nullopt;
};

void insert_notification(Connection& c, const NotificationRow& row);

// True when `from` is silenced (by a moderator or a domain block) and `recipient` does not follow it: Mastodon
// does not notify anyone of a limited account they have not chosen to follow.
bool silenced_stranger(Connection& c, int64_t recipient, int64_t from);

// Removes the notifications of one kind that `from` caused for `account` (an undone follow, a removed like).
void delete_notifications(Connection& c, int64_t account_id, int64_t from_account_id, const std::string& type,
                          const std::optional<int64_t>& status_id = std::nullopt);

// Newest first.
std::vector<NotificationRow> notifications_for(Connection& c, int64_t account_id, int limit);

// Which of a reader's notifications a listing shows. Notifications caused by accounts the reader blocks, or mutes
// with notifications hidden, never show.
struct NotificationScope {
  int64_t account_id = 0;
  std::vector<std::string> types;  // the types to show (empty: none)
  std::optional<int64_t> from_account_id;
  int64_t now = 0;
};

std::vector<NotificationRow> notification_page(Connection& c, const NotificationScope& scope, const IdPage& page);

// How many shown notifications are newer than after_id, counting up to `limit`.
int64_t count_notifications_after(Connection& c, const NotificationScope& scope, int64_t after_id, int limit);

// One of the account's own notifications.
std::optional<NotificationRow> find_notification(Connection& c, int64_t account_id, int64_t id);

void delete_all_notifications(Connection& c, int64_t account_id);

// The group key of the account's newest notification whose key starts with `prefix` ("favourite-12-").
std::optional<std::string> latest_group_key(Connection& c, int64_t account_id, const std::string& prefix);

// How many groups of shown notifications are newer than after_id, counting up to `limit`.
int64_t count_notification_groups_after(Connection& c, const NotificationScope& scope,
                                        const std::vector<std::string>& grouped_types, int64_t after_id, int limit);

// What a group is made of, up to the newest notification `up_to` (Mastodon's load_groups_data).
struct NotificationGroupData {
  int64_t most_recent_id = 0;
  std::vector<int64_t> sample_account_ids;  // newest first, at most `samples`
  int64_t count = 0;
  int64_t oldest_id_from = 0;               // the oldest notification with id >= the `from` bound
  int64_t latest_created_at = 0;
};
std::optional<NotificationGroupData> notification_group_data(Connection& c, int64_t account_id,
                                                             const std::string& group_key, int64_t from, int64_t up_to,
                                                             int samples);

// The account's notifications of one group ("ungrouped-<id>" names a single notification), newest first.
std::vector<NotificationRow> notifications_in_group(Connection& c, int64_t account_id, const std::string& group_key);
// Removes them; the number removed.
int delete_notification_group(Connection& c, int64_t account_id, const std::string& group_key);
// True when the account had such a notification.
bool delete_notification(Connection& c, int64_t account_id, int64_t id);

}  // namespace vmst::store
