#pragma once
// SQL for an account's own statuses (GET /api/v1/accounts/:id/statuses): its posts and reblogs, newest first,
// through the statuses_account index.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/page_range.hpp"

namespace vmst::store {

struct AccountStatusesQuery {
  int64_t account_id = 0;
  // Which visibilities the viewer may see (services/account_statuses decides): every one, or public and unlisted,
  // plus followers-only for a follower, plus any status that mentions `mentioned`.
  bool every_visibility = false;
  bool followers_only = false;
  std::optional<int64_t> mentioned;
  bool only_media = false;
  bool exclude_replies = false;  // replies to the account itself are kept (threads)
  bool exclude_reblogs = false;
  bool pinned = false;
  std::optional<std::string> tagged;  // hashtag name, case-insensitive
  PageRange page;
};

std::vector<int64_t> account_status_ids(Connection& c, const AccountStatusesQuery& query);

}  // namespace vmst::store
