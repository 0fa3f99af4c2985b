#include "convert/activitystreams/collections.hpp"

#include <catch2/catch.hpp>

using namespace vmst;
using nlohmann::json;

namespace {
const std::string kOutbox = "https://vmst.test/users/alice/outbox";
}

TEST_CASE("an outbox collection counts the statuses and links its first and last pages as Mastodon does",
          "[as_collections]") {
  auto doc = convert::as::outbox_collection(kOutbox, 42);
  CHECK(doc["type"] == "OrderedCollection");
  CHECK(doc["id"] == kOutbox);
  CHECK(doc["totalItems"] == 42);
  CHECK(doc["first"] == kOutbox + "?page=true");
  CHECK(doc["last"] == kOutbox + "?min_id=0&page=true");
  CHECK_FALSE(doc.contains("orderedItems"));
}

TEST_CASE("an outbox page links older items by max_id and newer ones by min_id", "[as_collections]") {
  std::vector<json> items = {{{"type", "Create"}}, {{"type", "Announce"}}};
  auto page = convert::as::outbox_page(kOutbox, items, {"page=true&max_id=90", 70, 80});
  CHECK(page["type"] == "OrderedCollectionPage");
  CHECK(page["id"] == kOutbox + "?page=true&max_id=90");
  CHECK(page["partOf"] == kOutbox);
  CHECK(page["orderedItems"].size() == 2);
  CHECK(page["next"] == kOutbox + "?max_id=70&page=true");
  CHECK(page["prev"] == kOutbox + "?min_id=80&page=true");

  auto last = convert::as::outbox_page(kOutbox, {}, {"page=true&max_id=5", std::nullopt, std::nullopt});
  CHECK_FALSE(last.contains("next"));
  CHECK_FALSE(last.contains("prev"));
  CHECK(last["orderedItems"] == json::array());
}

TEST_CASE("featured holds the pinned notes inline and featured tags is an empty collection", "[as_collections]") {
  auto featured = convert::as::featured_collection("https://vmst.test/users/alice/collections/featured",
                                                   {{{"id", "https://vmst.test/users/alice/statuses/1"}}});
  CHECK(featured["type"] == "OrderedCollection");
  CHECK(featured["totalItems"] == 1);
  CHECK(featured["orderedItems"][0]["id"] == "https://vmst.test/users/alice/statuses/1");
  auto tags = convert::as::featured_tags_collection("https://vmst.test/users/alice/collections/tags");
  CHECK(tags["type"] == "Collection");
  CHECK(tags["totalItems"] == 0);
  CHECK(tags["items"] == json::array());
}
