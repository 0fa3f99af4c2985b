#pragma once
// SQL behind fan-out on write: who, locally and remotely, receives a new status.
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

// Local accounts following `account_id` (with show_reblogs when for_reblog).
std::vector<int64_t> local_follower_ids(Connection& c, int64_t account_id, bool for_reblog);

struct RemoteInbox {
  std::string inbox_url;
  std::string shared_inbox_url;
};
// Inboxes of the remote followers of `account_id` (not suspended, not gone).
std::vector<RemoteInbox> remote_follower_inboxes(Connection& c, int64_t account_id);

// Adds the status to each account's home feed.
void insert_home_feed(Connection& c, const std::vector<int64_t>& account_ids, int64_t status_id);

// The accounts whose home feeds hold the status.
std::vector<int64_t> home_feed_holders(Connection& c, int64_t status_id);

// Indexes the plain text of a status for full-text search (statuses_fts, rowid = status id).
void index_status_text(Connection& c, int64_t status_id, const std::string& plain_text);
void unindex_status_text(Connection& c, int64_t status_id);

}  // namespace vmst::store
