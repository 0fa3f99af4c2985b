#pragma once
// SQL for inbox_activities: signed activities stored before the 202, processed later in the background.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct InboxActivity {
  int64_t id;
  std::optional<std::string> activity_uri;
  std::string actor_uri;
  std::string body;
  int attempts;
};

// False when an activity with this id was received before (a redelivery): nothing is stored twice.
bool insert_inbox_activity(Connection& c, int64_t id, const std::optional<std::string>& activity_uri,
                           const std::string& actor_uri, const std::string& body, int64_t received_at);

// The oldest unprocessed activities that have failed fewer than max_attempts times.
std::vector<InboxActivity> pending_inbox_activities(Connection& c, int limit, int max_attempts);

void mark_inbox_activity_processed(Connection& c, int64_t id, int64_t at);
void record_inbox_activity_failure(Connection& c, int64_t id, const std::string& error);

}  // namespace vmst::store
