#include "convert/activitystreams/collections.hpp"

#include "convert/activitystreams/context.hpp"

namespace vmst::convert::as {

nlohmann::json ordered_collection(const std::string& id, int64_t total_items, bool show_pages) {
  nlohmann::json doc = {{"@context", kActivityStreams}, {"id", id}, {"type", "OrderedCollection"}, {"totalItems", total_items}};
  if (show_pages) doc["first"] = id + "?page=1";
  return doc;
}

nlohmann::json ordered_collection_page(const std::string& id, int page, const std::vector<nlohmann::json>& items,
                                       int64_t total_items, bool has_next) {
  nlohmann::json doc = {{"@context", kActivityStreams},
                        {"id", id + "?page=" + std::to_string(page)},
                        {"type", "OrderedCollectionPage"},
                        {"totalItems", total_items},
                        {"partOf", id},
                        {"orderedItems", items}};
  if (has_next) doc["next"] = id + "?page=" + std::to_string(page + 1);
  if (page > 1) doc["prev"] = id + "?page=" + std::to_string(page - 1);
  return doc;
}

}  // namespace vmst::convert::as
