#include "convert/mastodon/tag.hpp"

#include <catch2/catch.hpp>

using vmst::convert::mastodon::hashtag_json;

TEST_CASE("a tag shows its display name, a URL by its stored name, and history as strings", "[convert]") {
  vmst::federation::LocalUrls urls("https://vmst.test");
  vmst::store::TagRecord tag{42, "cafe", "Café"};
  auto json = hashtag_json(tag, true, {{86'400'000 * 2, 5, 3}, {86'400'000, 0, 0}}, urls);
  CHECK(json["id"] == "42");
  CHECK(json["name"] == "Café");
  CHECK(json["url"] == "https://vmst.test/tags/cafe");
  CHECK(json["following"] == true);
  REQUIRE(json["history"].size() == 2);
  CHECK(json["history"][0] == nlohmann::json{{"day", "172800"}, {"uses", "5"}, {"accounts", "3"}});
}

TEST_CASE("a tag nobody has used has no id and falls back to its stored name", "[convert]") {
  vmst::federation::LocalUrls urls("https://vmst.test");
  auto json = hashtag_json({0, "new", ""}, false, {}, urls);
  CHECK_FALSE(json.contains("id"));
  CHECK(json["name"] == "new");
  CHECK(json["history"] == nlohmann::json::array());
}
