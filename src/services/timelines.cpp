#include "services/timelines.hpp"

#include <algorithm>

#include "services/page_fill.hpp"
#include "services/service_error.hpp"
#include "services/status_filters.hpp"
#include "services/status_views.hpp"
#include "store/list_store.hpp"
#include "store/timeline_store.hpp"
#include "text/hashtag_name.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

// One page of a timeline read by `fetch`: without what the viewer's hide filters of the context match, loaded with
// all their live filters' results.
template <class Fetch>
TimelinePage read_page(store::Connection& c, std::optional<int64_t> viewer, FilterContext context,
                       const store::IdPage& page, Fetch&& fetch) {
  std::vector<store::FilterRecord> filters;
  if (viewer) filters = active_filters(c, *viewer, now_millis());
  const auto hiding = hiding_filters(filters, context);
  TimelinePage out;
  if (!hiding.empty()) {
    out.ids = fill_page<int64_t>(
        page, fetch, [](int64_t id) { return id; },
        [&](std::vector<int64_t> ids) {
          auto hidden = matched_by_filters(c, ids, hiding);
          std::erase_if(ids, [&](int64_t id) { return hidden.contains(id); });
          return ids;
        });
  } else {
    out.ids = fetch(page);
  }
  out.bundle = load_statuses(c, out.ids, viewer, &filters);
  // A status deleted between the two reads is left out rather than rendered as null.
  std::erase_if(out.ids, [&](int64_t id) { return out.bundle.status(id) == nullptr; });
  return out;
}

store::PublicScope public_scope(const PublicTimelineOptions& options, std::optional<int64_t> viewer) {
  store::PublicScope scope;
  scope.local_only = options.local;
  scope.remote_only = options.remote;
  scope.only_media = options.only_media;
  scope.viewer = viewer;
  return scope;
}

// The stored keys of the names (as posting stores tags: #Café, #cafe and #ＣＡＦＥ are one), without empties and
// repeats.
std::vector<std::string> tag_keys(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) {
    auto key = text::normalize_hashtag_name(n);
    if (!key.empty() && std::find(out.begin(), out.end(), key) == out.end()) out.push_back(std::move(key));
  }
  return out;
}

}  // namespace

TimelinePage home_timeline(store::Database& db, int64_t viewer, const store::IdPage& page) {
  return db.read([&](store::Connection& c) {
    const int64_t now = now_millis();
    return read_page(c, viewer, FilterContext::Home, page,
                     [&](const store::IdPage& p) { return store::home_timeline_ids(c, viewer, p, now); });
  });
}

TimelinePage public_timeline(store::Database& db, std::optional<int64_t> viewer, const PublicTimelineOptions& options,
                             const store::IdPage& page) {
  return db.read([&](store::Connection& c) {
    const int64_t now = now_millis();
    const auto scope = public_scope(options, viewer);
    return read_page(c, viewer, FilterContext::Public, page,
                     [&](const store::IdPage& p) { return store::public_timeline_ids(c, scope, p, now); });
  });
}

TimelinePage tag_timeline(store::Database& db, std::optional<int64_t> viewer, const TagTimelineOptions& options,
                          const store::IdPage& page) {
  return db.read([&](store::Connection& c) -> TimelinePage {
    const int64_t now = now_millis();
    store::TagScope scope;
    scope.where = public_scope(options.where, viewer);
    std::vector<std::string> any = options.any;
    any.insert(any.begin(), options.tag);
    scope.any_tag_ids = store::find_tag_ids(c, tag_keys(any));
    const auto all = tag_keys(options.all);
    scope.all_tag_ids = store::find_tag_ids(c, all);
    // A tag that does not exist cannot be on every status.
    if (scope.all_tag_ids.size() < all.size()) return {};
    scope.none_tag_ids = store::find_tag_ids(c, tag_keys(options.none));
    if (scope.any_tag_ids.empty()) return {};
    return read_page(c, viewer, FilterContext::Public, page,
                     [&](const store::IdPage& p) { return store::tag_timeline_ids(c, scope, p, now); });
  });
}

TimelinePage list_timeline(store::Database& db, int64_t viewer, int64_t list_id, const store::IdPage& page) {
  return db.read([&](store::Connection& c) {
    auto list = store::find_list(c, viewer, list_id);
    if (!list) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    const int64_t now = now_millis();
    const store::ListScope scope{viewer, list->id, list->replies_policy};
    // Lists are read in the home context, as Mastodon documents the context ("home timeline and lists").
    return read_page(c, viewer, FilterContext::Home, page,
                     [&](const store::IdPage& p) { return store::list_timeline_ids(c, scope, p, now); });
  });
}

}  // namespace vmst::services
