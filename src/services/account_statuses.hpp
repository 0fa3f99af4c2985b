#pragma once
// The statuses on an account's profile (GET /api/v1/accounts/:id/statuses) as a given viewer may see them:
// Mastodon's AccountStatusesFilter rules.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/page_range.hpp"

namespace vmst::services {

struct AccountStatusesFilter {
  bool only_media = false;
  bool exclude_replies = false;
  bool exclude_reblogs = false;
  bool pinned = false;
  std::optional<std::string> tagged;
};

struct AccountStatusesPage {
  std::vector<int64_t> ids;  // what to render, newest first
  convert::mastodon::StatusBundle bundle;
  // Cursors of the page as read (before reblogs of hidden statuses were left out), for the Link header.
  size_t read = 0;
  std::optional<int64_t> newest, oldest;
};

// Anonymous viewers see public and unlisted statuses; followers also followers-only ones; anyone the statuses
// mentioning them; the author everything. Nothing when the author blocks the viewer or the viewer blocks the
// author's domain. Reblogs whose original the viewer may not see are left out.
AccountStatusesPage account_statuses(store::Connection& c, const store::AccountRecord& author,
                                     std::optional<int64_t> viewer, const AccountStatusesFilter& filter,
                                     const store::PageRange& page);

}  // namespace vmst::services
