#include "services/saved_statuses.hpp"

#include "services/status_views.hpp"
#include "store/interaction_store.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

namespace {

template <class Read>
SavedStatusPage saved(store::Database& db, int64_t viewer, const store::IdPage& page, Read&& read) {
  return db.read([&](store::Connection& c) {
    SavedStatusPage out;
    out.rows = read(c, viewer, page);
    std::vector<int64_t> ids;
    for (const auto& [row, status_id] : out.rows) {
      // A favourite outlives the viewer's right to see the status (an author who later went followers-only and
      // was unfollowed): such rows keep their place in the paging but are not shown.
      auto status = store::find_status(c, status_id);
      if (status && status_visible_to(c, *status, viewer)) ids.push_back(status_id);
    }
    out.bundle = load_statuses(c, ids, viewer);
    return out;
  });
}

}  // namespace

SavedStatusPage favourited_statuses(store::Database& db, int64_t viewer, const store::IdPage& page) {
  return saved(db, viewer, page, store::favourites_of);
}

SavedStatusPage bookmarked_statuses(store::Database& db, int64_t viewer, const store::IdPage& page) {
  return saved(db, viewer, page, store::bookmarks_of);
}

}  // namespace vmst::services
