#pragma once
// SQL for relationship severance events: Mastodon's record of follows a moderation action cut (a domain block),
// told to each local user who lost some through a `severed_relationships` notification.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct SeveranceCount {
  int64_t account_id = 0;
  int followers_lost = 0;
  int following_lost = 0;
};

// Records one event and, per affected local account, its counts and a `severed_relationships` notification.
void record_relationship_severance(Connection& c, int64_t event_id, const std::string& type,
                                   const std::string& target_name, bool purged,
                                   const std::vector<SeveranceCount>& counts, int64_t now);

// An event as one account saw it.
struct SeveranceEventView {
  int64_t id = 0;
  std::string type;  // domain_block | user_domain_block | account_suspension
  bool purged = false;
  std::string target_name;
  int followers_count = 0;
  int following_count = 0;
  int64_t created_at = 0;
};

// The events behind these notifications, by notification id.
std::unordered_map<int64_t, SeveranceEventView> severance_events_of(Connection& c,
                                                                    const std::vector<int64_t>& notification_ids);

}  // namespace vmst::store
