#pragma once
// The content collections of a local actor that peers fetch: its outbox and its featured (pinned) statuses.
// Who may fetch them is decided by the route (authorized fetch, suspension, domain blocks).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/page_range.hpp"

namespace vmst::services {

// Mastodon's outbox page size.
inline constexpr int kOutboxPageSize = 20;

struct OutboxPage {
  std::vector<nlohmann::json> items;   // Create{Note} and Announce activities, newest first
  std::optional<int64_t> newest_id;    // the status id cursors of the page (set when it read any status)
  std::optional<int64_t> oldest_id;
  bool full = false;                   // as many statuses as asked were read: older ones may follow
};

// A page of the account's public and unlisted posts and public boosts (services::outbox_item), cursor-paged by
// status id as Mastodon's ?max_id= / ?min_id=.
OutboxPage outbox_page(store::Database& db, const store::AccountRecord& account, const store::PageRange& range,
                       const federation::LocalUrls& urls);

// The account's pinned public and unlisted statuses as Notes, newest first.
std::vector<nlohmann::json> featured_notes(store::Database& db, const store::AccountRecord& account,
                                           const federation::LocalUrls& urls);

}  // namespace vmst::services
