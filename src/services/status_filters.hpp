#pragma once
// The viewer's filters applied to statuses being shown, as Mastodon applies them: every live filter's matches go
// into a status's `filtered` whatever the context (clients compare each FilterResult's `context` with where they
// show the status), while a `hide` filter takes matching statuses out of a listing only in its own contexts.
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "services/filter_matching.hpp"
#include "store/database.hpp"
#include "store/filter_store.hpp"

namespace vmst::services {

// The viewer's filters that have not expired by `now`.
std::vector<store::FilterRecord> active_filters(store::Connection& c, int64_t viewer, int64_t now);

// Those of `filters` with the hide action that apply in `context`.
std::vector<store::FilterRecord> hiding_filters(const std::vector<store::FilterRecord>& filters, FilterContext context);

// Sets bundle.filters and bundle.filter_hits for every status in the bundle (a reblog is matched on what it
// reblogs, as in Mastodon).
void apply_filters(convert::mastodon::StatusBundle& bundle, std::vector<store::FilterRecord> filters);

// The ids among status_ids that one of `filters` matches (loading only what matching needs).
std::unordered_set<int64_t> matched_by_filters(store::Connection& c, const std::vector<int64_t>& status_ids,
                                               const std::vector<store::FilterRecord>& filters);

}  // namespace vmst::services
