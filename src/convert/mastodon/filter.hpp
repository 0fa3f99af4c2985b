#pragma once
// Filters as the Mastodon client API shows them: Filter (v2) with its FilterKeyword and FilterStatus rules,
// FilterResult inside a status's `filtered`, and the v1 view (one V1_Filter per keyword) that Tusky falls back to.
#include <nlohmann/json.hpp>

#include "convert/mastodon/status_bundle.hpp"
#include "store/filter_store.hpp"

namespace vmst::convert::mastodon {

nlohmann::json filter_keyword_json(const store::FilterKeywordRecord& keyword);
nlohmann::json filter_status_json(const store::FilterStatusRecord& status);

// With `keywords` and `statuses` when with_rules (the filters endpoints); without them inside a FilterResult, as
// Mastodon does.
nlohmann::json filter_json(const store::FilterRecord& filter, bool with_rules = true);

// FilterResult: {filter, keyword_matches, status_matches}; a list without matches is null.
nlohmann::json filter_result_json(const store::FilterRecord& filter, const FilterHit& hit);

// V1_Filter for one keyword of a filter: {id (the keyword's), phrase, context, whole_word, expires_at, irreversible}.
nlohmann::json v1_filter_json(const store::FilterRecord& filter, const store::FilterKeywordRecord& keyword);

}  // namespace vmst::convert::mastodon
