#pragma once
// SQL for follows, follow_requests and blocks, and the counters they move.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

bool is_blocking(Connection& c, int64_t account_id, int64_t target_account_id);
bool is_following(Connection& c, int64_t account_id, int64_t target_account_id);
bool has_follow_request(Connection& c, int64_t account_id, int64_t target_account_id);

// Insert-if-absent; true when a row was added (the target's followers_count and the follower's following_count
// move with it).
bool insert_follow(Connection& c, int64_t id, int64_t account_id, int64_t target_account_id,
                   const std::optional<std::string>& uri, int64_t now);
bool insert_follow_request(Connection& c, int64_t id, int64_t account_id, int64_t target_account_id,
                           const std::optional<std::string>& uri, int64_t now);

// The (follower, target) of the follow or follow request recorded for a Follow activity id.
std::optional<std::pair<int64_t, int64_t>> follow_by_uri(Connection& c, const std::string& uri);

// Actor ids of an account's followers / of whom it follows, newest first, for collection pages.
std::vector<std::string> follower_uris(Connection& c, int64_t account_id, int limit, int offset);
std::vector<std::string> following_uris(Connection& c, int64_t account_id, int limit, int offset);

// True when a row was removed.
bool delete_follow(Connection& c, int64_t account_id, int64_t target_account_id);
bool delete_follow_request(Connection& c, int64_t account_id, int64_t target_account_id);

}  // namespace vmst::store
