#pragma once
// SQL for notifications.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct NotificationRow {
  int64_t id;
  int64_t account_id;
  int64_t from_account_id;
  std::string type;
  std::optional<int64_t> status_id;
  int64_t created_at;
};

void insert_notification(Connection& c, const NotificationRow& row);

// Removes the notifications of one kind that `from` caused for `account` (an undone follow, a removed like).
void delete_notifications(Connection& c, int64_t account_id, int64_t from_account_id, const std::string& type,
                          const std::optional<int64_t>& status_id = std::nullopt);

// Newest first.
std::vector<NotificationRow> notifications_for(Connection& c, int64_t account_id, int limit);

}  // namespace vmst::store
