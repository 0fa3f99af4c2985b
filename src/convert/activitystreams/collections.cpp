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

nlohmann::json outbox_collection(const std::string& id, int64_t total_items) {
  return {{"@context", kActivityStreams},
          {"id", id},
          {"type", "OrderedCollection"},
          {"totalItems", total_items},
          {"first", id + "?page=true"},
          {"last", id + "?min_id=0&page=true"}};
}

nlohmann::json outbox_page(const std::string& id, const std::vector<nlohmann::json>& items,
                           const OutboxPageLinks& links) {
  nlohmann::json doc = {{"@context", kActivityStreams},
                        {"id", id + "?" + links.self_query},
                        {"type", "OrderedCollectionPage"},
                        {"partOf", id},
                        {"orderedItems", items}};
  if (links.next_max_id) doc["next"] = id + "?max_id=" + std::to_string(*links.next_max_id) + "&page=true";
  if (links.prev_min_id) doc["prev"] = id + "?min_id=" + std::to_string(*links.prev_min_id) + "&page=true";
  return doc;
}

nlohmann::json featured_collection(const std::string& id, const std::vector<nlohmann::json>& notes) {
  return {{"@context", kActivityStreams},
          {"id", id},
          {"type", "OrderedCollection"},
          {"totalItems", notes.size()},
          {"orderedItems", notes}};
}

nlohmann::json featured_tags_collection(const std::string& id) {
  return {{"@context", kActivityStreams},
          {"id", id},
          {"type", "Collection"},
          {"totalItems", 0},
          {"items", nlohmann::json::array()}};
}

}  // namespace vmst::convert::as
