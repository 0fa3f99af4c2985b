#include "text/custom_emoji_shortcode.hpp"

#include <catch2/catch.hpp>

using vmst::text::custom_emoji_shortcodes_in;
using vmst::text::is_valid_emoji_shortcode;

TEST_CASE("a valid emoji shortcode has two or more ASCII word characters", "[emoji][text]") {
  CHECK(is_valid_emoji_shortcode("ab"));
  CHECK(is_valid_emoji_shortcode("blob_cat_3"));
  CHECK_FALSE(is_valid_emoji_shortcode(""));
  CHECK_FALSE(is_valid_emoji_shortcode("a"));
  CHECK_FALSE(is_valid_emoji_shortcode("blob-cat"));
  CHECK_FALSE(is_valid_emoji_shortcode("blob.png"));
  CHECK_FALSE(is_valid_emoji_shortcode("ñu"));
}

TEST_CASE("shortcodes are found in names and HTML once each, in order", "[emoji][text]") {
  using V = std::vector<std::string>;
  CHECK(custom_emoji_shortcodes_in("Alice :blobcat: :party: :blobcat:") == V{"blobcat", "party"});
  CHECK(custom_emoji_shortcodes_in("<p>:blobcat:</p>") == V{"blobcat"});
  CHECK(custom_emoji_shortcodes_in("no emoji here") == V{});
  CHECK(custom_emoji_shortcodes_in("time 10:30:00") == V{});
  CHECK(custom_emoji_shortcodes_in("a:blob:b") == V{});
}

TEST_CASE("colons that cannot frame a shortcode find none, and a shortcode after them is still found", "[emoji][text]") {
  CHECK(custom_emoji_shortcodes_in("<a href=\"https://example.com/\">https://example.com/</a> at 10:30").empty());
  CHECK(custom_emoji_shortcodes_in("ratio 1:2:3, a:b:c, ::").empty());
  CHECK(custom_emoji_shortcodes_in("see https://example.com/ :blobcat: at 10:30") ==
        std::vector<std::string>{"blobcat"});
}
