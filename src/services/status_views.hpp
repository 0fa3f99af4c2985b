#pragma once
// Who may see a status, and loading pages of statuses for rendering. Runs inside the caller's read (or write)
// connection so a page is read from one snapshot.
#include <cstdint>
#include <optional>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "store/database.hpp"
#include "store/filter_store.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

// Mastodon's rules: public and unlisted to everyone; followers-only to the author, followers and the mentioned;
// direct to the author and the mentioned. Reblogs take the visibility of what they reblog into account too.
bool status_visible_to(store::Connection& c, const store::StatusRecord& status, std::optional<int64_t> viewer);

// The status if it exists and the viewer may see it (and, for a reblog, its original); else ServiceError NotFound,
// which is what Mastodon answers for statuses you may not see.
store::StatusRecord visible_status(store::Connection& c, int64_t status_id, std::optional<int64_t> viewer);

// Loads the statuses, what they reblog, their authors, mentions, tags, media, applications and the viewer's flags,
// and matches them against the viewer's live filters for the FilterResults they render in `filtered`. `filters`
// passes filters the caller has read already (services/status_filters.hpp active_filters); null reads them here.
convert::mastodon::StatusBundle load_statuses(store::Connection& c, const std::vector<int64_t>& ids,
                                              std::optional<int64_t> viewer,
                                              const std::vector<store::FilterRecord>* filters = nullptr);

}  // namespace vmst::services
