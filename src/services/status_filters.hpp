#pragma once
// The viewer's filters applied to statuses being shown: which filters are live in a context, the FilterResults
// each status carries in `filtered`, and which statuses a `hide` filter takes out of a listing altogether.
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "services/filter_matching.hpp"
#include "store/database.hpp"
#include "store/filter_store.hpp"

namespace vmst::services {

// The viewer's filters that apply in the context and have not expired by `now`.
std::vector<store::FilterRecord> active_filters(store::Connection& c, int64_t viewer, FilterContext context, int64_t now);

bool any_hide_action(const std::vector<store::FilterRecord>& filters);

// Sets bundle.filters and bundle.filter_hits for every status in the bundle (a reblog is matched on what it
// reblogs, as in Mastodon).
void apply_filters(convert::mastodon::StatusBundle& bundle, std::vector<store::FilterRecord> filters);

// The ids among status_ids that a filter with the hide action matches (loading only what matching needs).
std::unordered_set<int64_t> hidden_by_filters(store::Connection& c, const std::vector<int64_t>& status_ids,
                                              const std::vector<store::FilterRecord>& filters);

}  // namespace vmst::services
