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

// An actor's outbox, paged by status id cursor as Mastodon pages it: first is `?page=true`, a page's next is
// `?max_id=<oldest id on it>&page=true` and its prev `?min_id=<newest id on it>&page=true`.
nlohmann::json outbox_collection(const std::string& id, int64_t total_items);

struct OutboxPageLinks {
  std::string self_query;                 // the query this page was asked with, e.g. "page=true&max_id=5"
  std::optional<int64_t> next_max_id;     // set when older items may follow
  std::optional<int64_t> prev_min_id;     // set when the page has items
};
nlohmann::json outbox_page(const std::string& id, const std::vector<nlohmann::json>& items,
                           const OutboxPageLinks& links);

// The pinned statuses (as Notes) at the actor's `featured` URL: one OrderedCollection with every item inline.
nlohmann::json featured_collection(const std::string& id, const std::vector<nlohmann::json>& notes);

// The featured hashtags at the actor's `featuredTags` URL (vmst has none yet: always empty).
nlohmann::json featured_tags_collection(const std::string& id);

}  // namespace vmst::convert::as
