#pragma once
// A user's favourited and bookmarked statuses (GET /api/v1/favourites, /api/v1/bookmarks): paged by the favourite's
// or bookmark's own id, as Mastodon pages them, so a status favourited today sorts first however old it is.
#include <cstdint>
#include <utility>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "store/database.hpp"
#include "store/id_page.hpp"

namespace vmst::services {

struct SavedStatusPage {
  std::vector<std::pair<int64_t, int64_t>> rows;  // (favourite or bookmark id, status id), newest first
  convert::mastodon::StatusBundle bundle;         // the statuses the viewer can still see
};

SavedStatusPage favourited_statuses(store::Database& db, int64_t viewer, const store::IdPage& page);
SavedStatusPage bookmarked_statuses(store::Database& db, int64_t viewer, const store::IdPage& page);

}  // namespace vmst::services
