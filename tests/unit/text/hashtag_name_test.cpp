#include "text/hashtag_name.hpp"

#include <catch2/catch.hpp>

using namespace vmst::text;

// Expectations from Mastodon's spec/lib/hashtag_normalizer_spec.rb and spec/models/tag_spec.rb.

TEST_CASE("hashtag name: names Mastodon accepts are valid", "[hashtag_name]") {
  CHECK(is_valid_hashtag_name("hashtag"));
  CHECK(is_valid_hashtag_name("ａｅｓｔｈｅｔｉｃ"));
  CHECK(is_valid_hashtag_name("3d"));
  CHECK(is_valid_hashtag_name("world2016"));
  CHECK(is_valid_hashtag_name("_test"));
  CHECK(is_valid_hashtag_name("test_"));
  CHECK(is_valid_hashtag_name("one·two·three"));
  CHECK(is_valid_hashtag_name("ぼっち・ざ・ろっく"));
  CHECK(is_valid_hashtag_name("نرم\u200Cافزار"));
  CHECK(is_valid_hashtag_name("RubyOnRails"));
  CHECK(is_valid_hashtag_name("a"));
}

TEST_CASE("hashtag name: numbers, punctuation, spaces and misplaced separators are invalid", "[hashtag_name]") {
  CHECK_FALSE(is_valid_hashtag_name(""));
  CHECK_FALSE(is_valid_hashtag_name("#hello_world"));
  CHECK_FALSE(is_valid_hashtag_name(".abcdef123"));
  CHECK_FALSE(is_valid_hashtag_name("hello world"));
  CHECK_FALSE(is_valid_hashtag_name("0123456"));
  CHECK_FALSE(is_valid_hashtag_name("1"));
  CHECK_FALSE(is_valid_hashtag_name("·one"));
  CHECK_FALSE(is_valid_hashtag_name("one·"));
  CHECK_FALSE(is_valid_hashtag_name("tag/../x"));
  CHECK_FALSE(is_valid_hashtag_name("tag\xFF"));
  CHECK_FALSE(is_valid_hashtag_name(std::string("ta\0g", 4)));
}

TEST_CASE("hashtag name: the storage key folds width, case and Latin accents", "[hashtag_name]") {
  CHECK(normalize_hashtag_name("Ｓｙｎｔｈｗａｖｅ") == "synthwave");
  CHECK(normalize_hashtag_name("ｼｰｻｲﾄﾞﾗｲﾅｰ") == "シーサイドライナー");
  CHECK(normalize_hashtag_name("BLÅHAJ") == "blahaj");
  CHECK(normalize_hashtag_name("#foo") == "foo");
  CHECK(normalize_hashtag_name("a·b") == "a·b");
  CHECK(normalize_hashtag_name("RubyOnRails") == "rubyonrails");
  CHECK(normalize_hashtag_name("Café") == normalize_hashtag_name("cafe"));
  CHECK(normalize_hashtag_name("Straße") == "strasse");
  CHECK(normalize_hashtag_name("日本語") == "日本語");
  CHECK(normalize_hashtag_name("!!!").empty());
  CHECK(normalize_hashtag_name("ta\xFFg") == "tag");
}

TEST_CASE("hashtag name: the display form keeps case and accents but not stray characters", "[hashtag_name]") {
  CHECK(hashtag_display_name("Café") == "Café");
  CHECK(hashtag_display_name("#RubyOnRails!") == "RubyOnRails");
  CHECK(hashtag_display_name("one·two") == "one·two");
}

TEST_CASE("hashtag name: path segments are percent-encoded UTF-8", "[hashtag_name]") {
  CHECK(hashtag_path_segment("hashtag") == "hashtag");
  CHECK(hashtag_path_segment("hashtagタグ") == "hashtag%E3%82%BF%E3%82%B0");
  CHECK(hashtag_path_segment("a·b c/d") == "a%C2%B7b%20c%2Fd");
}
