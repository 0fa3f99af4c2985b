#include "services/search_query.hpp"

#include <catch2/catch.hpp>

using namespace vmst::services;

TEST_CASE("which kinds of results a query may find, as Mastodon decides", "[search_query]") {
  auto plain = search_scopes("coffee", "", true);
  CHECK(plain.accounts);
  CHECK(plain.statuses);
  CHECK(plain.hashtags);
  auto tag = search_scopes("#coffee", "", true);
  CHECK_FALSE(tag.accounts);
  CHECK_FALSE(tag.statuses);
  CHECK(tag.hashtags);
  auto handle = search_scopes("@bob@example.com", "", true);
  CHECK(handle.accounts);
  CHECK_FALSE(handle.statuses);
  CHECK_FALSE(handle.hashtags);
  auto sentence = search_scopes("mail bob@example.com now", "", true);
  CHECK_FALSE(sentence.accounts);
  CHECK(sentence.statuses);
  CHECK_FALSE(search_scopes("coffee", "", false).statuses);
  auto typed = search_scopes("coffee", "hashtags", true);
  CHECK_FALSE(typed.accounts);
  CHECK_FALSE(typed.statuses);
  CHECK(typed.hashtags);
}

TEST_CASE("URL queries are recognised by their scheme", "[search_query]") {
  CHECK(is_url_query("https://example.com/@bob/1"));
  CHECK(is_url_query("  HTTP://example.com"));
  CHECK_FALSE(is_url_query("ftp://example.com"));
  CHECK_FALSE(is_url_query("https"));
}

TEST_CASE("text queries split into words, phrases, exclusions and from:", "[search_query]") {
  auto q = parse_text_query(R"(  good "black coffee" -decaf from:@bob has:media  )");
  CHECK(q.words == std::vector<std::string>{"good", "black coffee"});
  CHECK(q.excluded == std::vector<std::string>{"decaf"});
  CHECK(q.from == std::optional<std::string>("bob"));
  CHECK(parse_text_query("!!! ...").words.empty());
  CHECK(parse_text_query("café").words == std::vector<std::string>{"café"});
  CHECK(parse_text_query("-").words.empty());
  CHECK(parse_text_query(R"("unterminated phrase)").words == std::vector<std::string>{"unterminated phrase"});
}

TEST_CASE("FTS5 expressions quote every word so input is never syntax", "[search_query]") {
  CHECK(fts_expression(parse_text_query("good coffee")) == std::optional<std::string>(R"("good" "coffee")"));
  CHECK(fts_expression(parse_text_query("coffee -decaf")) == std::optional<std::string>(R"("coffee" NOT "decaf")"));
  CHECK(fts_expression(parse_text_query(R"x(say "hi" OR NEAR(a))x")) ==
        std::optional<std::string>(R"x("say" "hi" "OR" "NEAR(a)")x"));
  CHECK(fts_expression(parse_text_query(R"(a"b)")) == std::optional<std::string>(R"("a""b")"));
  CHECK_FALSE(fts_expression(parse_text_query("-decaf")));
  CHECK_FALSE(fts_expression(parse_text_query("")));
}

TEST_CASE("hashtag queries give a tag name or nothing", "[search_query]") {
  CHECK(hashtag_query("#Coffee") == std::optional<std::string>("Coffee"));
  CHECK(hashtag_query(" tea_time ") == std::optional<std::string>("tea_time"));
  CHECK(hashtag_query("café") == std::optional<std::string>("café"));
  CHECK_FALSE(hashtag_query("#"));
  CHECK_FALSE(hashtag_query("two words"));
  CHECK_FALSE(hashtag_query("bob@example.com"));
}
