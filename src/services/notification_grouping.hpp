#pragma once
// How Mastodon (4.3) groups notifications: favourites and boosts of one status, and follows, share a group key
// "<type>[-<status id>]-<hour bucket>", where the bucket is the hour (since the epoch) the group began; a new
// notification joins the newest group of its kind while that group is less than 12 hours old. Every other type
// (mentions, polls, updates, ...) has no key: each such notification is a group of its own ("ungrouped-<id>").
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/notification_store.hpp"

namespace vmst::services {

// favourite, reblog, follow: the types a group key is given to (and the default `grouped_types`).
const std::vector<std::string>& groupable_notification_types();

// "favourite-<status id>", "reblog-<status id>", "follow"; nullopt for a type that is not grouped.
std::optional<std::string> notification_group_prefix(const std::string& type, std::optional<int64_t> status_id);

// The key for a notification made at `created_at` (ms) whose newest group of the same prefix has `previous_key`.
std::string notification_group_key(const std::string& prefix, int64_t created_at,
                                   const std::optional<std::string>& previous_key);

// Stores the notification with its group key. Every service that notifies goes through here.
void add_notification(store::Connection& c, store::NotificationRow row);

}  // namespace vmst::services
