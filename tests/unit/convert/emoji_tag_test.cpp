#include "convert/activitystreams/emoji_tag.hpp"

#include <catch2/catch.hpp>

using namespace vmst;

TEST_CASE("a local emoji becomes an Emoji tag with its image as icon", "[emoji][convert]") {
  store::CustomEmojiRecord e;
  e.id = 42;
  e.shortcode = "blobcat";
  e.image_path = "custom_emojis/7.png";
  e.image_content_type = "image/png";
  e.updated_at = 1'700'000'000'000;
  auto tag = convert::as::emoji_tag(e, federation::LocalUrls("https://social.example"));
  CHECK(tag["id"] == "https://social.example/emojis/42");
  CHECK(tag["type"] == "Emoji");
  CHECK(tag["name"] == ":blobcat:");
  CHECK(tag["updated"] == "2023-11-14T22:13:20Z");
  CHECK(tag["icon"] == nlohmann::json{{"type", "Image"},
                                      {"mediaType", "image/png"},
                                      {"url", "https://social.example/system/media/custom_emojis/7.png"}});
}

TEST_CASE("Emoji tags are read in Mastodon's, Pleroma's and Misskey's shapes", "[emoji][convert]") {
  auto tags = nlohmann::json::parse(R"json([
    {"type": "Mention", "href": "https://a.example/users/x", "name": "@x"},
    {"id": "https://a.example/emojis/1", "type": "Emoji", "name": ":blob:", "updated": "2024-01-02T03:04:05Z",
     "icon": {"type": "Image", "mediaType": "image/png", "url": "https://a.example/blob.png"}},
    {"type": "Emoji", "name": "misskey_one", "icon": {"type": "Image", "url": {"href": "https://a.example/m.webp"}}},
    {"type": "Emoji", "name": ":plain:", "icon": "https://a.example/plain.gif"},
    {"type": "Emoji", "name": ":bad name:", "icon": {"url": "https://a.example/x.png"}},
    {"type": "Emoji", "name": ":nourl:", "icon": {"url": "javascript:alert(1)"}}
  ])json");
  auto emojis = convert::as::parse_emoji_tags(tags);
  REQUIRE(emojis.size() == 3);
  CHECK(emojis[0].shortcode == "blob");
  CHECK(emojis[0].image_url == "https://a.example/blob.png");
  CHECK(emojis[0].uri == "https://a.example/emojis/1");
  CHECK(emojis[0].updated.has_value());
  CHECK(emojis[1].shortcode == "misskey_one");
  CHECK(emojis[1].image_url == "https://a.example/m.webp");
  CHECK_FALSE(emojis[1].uri);
  CHECK(emojis[2].image_url == "https://a.example/plain.gif");

  auto single = convert::as::parse_emoji_tags(tags[1]);
  REQUIRE(single.size() == 1);
  CHECK(single[0].shortcode == "blob");
}
