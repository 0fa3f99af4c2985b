#pragma once
// SQL for hashtags as things people follow and look at: the tag itself, who follows it, and its recent use.
// (Linking tags to statuses is status_store's.)
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/id_page.hpp"

namespace vmst::store {

struct TagRecord {
  int64_t id = 0;
  std::string name;          // normalised (text::normalize_hashtag_name)
  std::string display_name;  // as first written; may be empty
};

std::optional<TagRecord> find_tag(Connection& c, const std::string& normalized_name);
// Finds the tag or creates it without marking it used (a follow is not a post).
TagRecord ensure_tag(Connection& c, int64_t new_id, const std::string& normalized_name, const std::string& display_name,
                     int64_t now);

bool follows_tag(Connection& c, int64_t account_id, int64_t tag_id);
void follow_tag(Connection& c, int64_t account_id, int64_t tag_id, int64_t now);
void unfollow_tag(Connection& c, int64_t account_id, int64_t tag_id);
// The account's followed tags, paged by tag id (the Link cursor).
std::vector<TagRecord> followed_tags(Connection& c, int64_t account_id, const IdPage& page);

// Local accounts following any tag of the status: its home-feed readers besides the author's followers.
std::vector<int64_t> local_tag_follower_ids(Connection& c, int64_t status_id);

struct TagDayUse {
  int64_t day_start_millis = 0;  // 00:00 UTC
  int64_t uses = 0;              // statuses
  int64_t accounts = 0;          // distinct authors
};
// Use per UTC day from `since_millis` on (days without use are absent), newest first.
std::vector<TagDayUse> tag_use_by_day(Connection& c, int64_t tag_id, int64_t since_millis);

}  // namespace vmst::store
