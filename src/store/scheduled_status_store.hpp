#pragma once
// SQL for scheduled statuses and the uploads they hold.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/id_page.hpp"

namespace vmst::store {

struct ScheduledStatusRecord {
  int64_t id = 0;
  int64_t account_id = 0;
  int64_t scheduled_at = 0;
  std::string params_json = "{}";
  int64_t created_at = 0;
};

void insert_scheduled_status(Connection& c, const ScheduledStatusRecord& record);
// One of the account's scheduled statuses.
std::optional<ScheduledStatusRecord> find_scheduled_status(Connection& c, int64_t account_id, int64_t id);
// The account's scheduled statuses, newest id first.
std::vector<ScheduledStatusRecord> scheduled_statuses_page(Connection& c, int64_t account_id, const IdPage& page);
void set_scheduled_at(Connection& c, int64_t id, int64_t scheduled_at);
void delete_scheduled_status(Connection& c, int64_t id);
// Due at or before `now`, earliest first.
std::vector<ScheduledStatusRecord> due_scheduled_statuses(Connection& c, int64_t now, int limit);
// The account's scheduled statuses due in [from, to).
int64_t count_scheduled_statuses(Connection& c, int64_t account_id, int64_t from, int64_t to);

// Reserves uploads for a scheduled status, so no other post takes them.
void reserve_media(Connection& c, int64_t scheduled_status_id, const std::vector<int64_t>& media_ids);
// The scheduled status an upload is reserved for.
std::optional<int64_t> media_reserved_for(Connection& c, int64_t media_id);

}  // namespace vmst::store
