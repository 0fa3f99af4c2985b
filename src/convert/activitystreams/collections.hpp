#pragma once
// OrderedCollection and OrderedCollectionPage documents, as Mastodon pages them (?page=N).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace vmst::convert::as {

// The collection itself. Without pages (the owner hides the collection) only the count is shown.
nlohmann::json ordered_collection(const std::string& id, int64_t total_items, bool show_pages);

// Page `page` (from 1) of the collection `id`; `has_next` adds the next link.
nlohmann::json ordered_collection_page(const std::string& id, int page, const std::vector<nlohmann::json>& items,
                                       int64_t total_items, bool has_next);

}  // namespace vmst::convert::as
