#pragma once
// SQL for follows, follow_requests and blocks, and the counters they move.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "store/page_range.hpp"

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

// A follows or follow_requests row.
struct FollowRecord {
  int64_t id = 0;
  int64_t account_id = 0;
  int64_t target_account_id = 0;
  std::optional<std::string> uri;
  bool show_reblogs = true;
  bool notify = false;
  std::optional<std::string> languages_json;  // JSON array, or unset for every language
  int64_t created_at = 0;
};

std::optional<FollowRecord> find_follow(Connection& c, int64_t account_id, int64_t target_account_id);
std::optional<FollowRecord> find_follow_request(Connection& c, int64_t account_id, int64_t target_account_id);
std::optional<FollowRecord> find_follow_request_by_uri(Connection& c, const std::string& uri);

// The per-follow options a follower chooses (reblogs, notify, languages) on an existing row.
void set_follow_options(Connection& c, int64_t account_id, int64_t target_account_id, bool show_reblogs, bool notify,
                        const std::optional<std::string>& languages_json);
void set_follow_request_options(Connection& c, int64_t account_id, int64_t target_account_id, bool show_reblogs,
                                bool notify, const std::optional<std::string>& languages_json);

// Pages of an account's followers / followed accounts / incoming follow requests; the cursor is the row id.
std::vector<PagedId> followers_page(Connection& c, int64_t account_id, const PageRange& page);
std::vector<PagedId> following_page(Connection& c, int64_t account_id, const PageRange& page);
std::vector<PagedId> follow_requests_page(Connection& c, int64_t target_account_id, const PageRange& page);
int64_t count_follow_requests(Connection& c, int64_t target_account_id);

// Accounts that `viewer` follows and that follow `target`, skipping those who hide their collections.
std::vector<int64_t> familiar_followers(Connection& c, int64_t viewer, int64_t target, int limit);

// Follows and follow requests towards `account_id` from accounts on `domain` (exact, case-insensitive).
std::vector<FollowRecord> followers_on_domain(Connection& c, int64_t account_id, const std::string& domain);
std::vector<FollowRecord> follow_requests_on_domain(Connection& c, int64_t account_id, const std::string& domain);

}  // namespace vmst::store
