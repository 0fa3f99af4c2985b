#pragma once
// Hashtags as people look at and follow them (GET /api/v1/tags/:name, follow/unfollow, followed_tags). Statuses
// with a followed tag reach the follower's home feed when they are posted (status_posting, remote_statuses).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/id_page.hpp"
#include "store/tag_store.hpp"

namespace vmst::services {

struct HashtagView {
  store::TagRecord tag;  // id 0: nobody has used or followed it yet
  bool following = false;
  std::vector<store::TagDayUse> history;  // the last 7 UTC days, newest first, days without use included
};

// `name` as a client sends it ("#Café", "cafe"). ServiceError NotFound when it cannot be a hashtag.
HashtagView hashtag(store::Database& db, std::optional<int64_t> viewer, const std::string& name);
HashtagView follow_hashtag(store::Database& db, int64_t viewer, const std::string& name);
HashtagView unfollow_hashtag(store::Database& db, int64_t viewer, const std::string& name);
std::vector<HashtagView> followed_hashtags(store::Database& db, int64_t viewer, const store::IdPage& page);

}  // namespace vmst::services
