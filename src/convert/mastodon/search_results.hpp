#pragma once
// Search {accounts, statuses, hashtags} (GET /api/v2/search): all three keys always, each an array.
#include <nlohmann/json.hpp>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/search_store.hpp"

namespace vmst::convert::mastodon {

struct SearchResults {
  std::vector<store::AccountRecord> accounts;  // in result order
  std::vector<int64_t> status_ids;             // in result order, all in `statuses`
  StatusBundle statuses;
  std::vector<store::TagHit> hashtags;
};

nlohmann::json search_results_json(const SearchResults& results, const federation::LocalUrls& urls);

// Tag {name, url, history, following} as search shows it.
nlohmann::json searched_tag_json(const store::TagHit& tag, const federation::LocalUrls& urls);

}  // namespace vmst::convert::mastodon
