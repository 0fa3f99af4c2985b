#include "services/filter_matching.hpp"

#include <catch2/catch.hpp>

using namespace vmst;
using services::find_keyword;

TEST_CASE("keywords match case-insensitively and give the text as written", "[filters]") {
  CHECK(find_keyword("I love Cats a lot", "cats", true) == std::optional<std::string>("Cats"));
  CHECK(find_keyword("ÉCLAIR au café", "éclair", true) == std::optional<std::string>("ÉCLAIR"));
  CHECK(find_keyword("Ложка дёгтя", "ЛОЖКА", true) == std::optional<std::string>("Ложка"));
  CHECK_FALSE(find_keyword("dogs only", "cats", false));
}

TEST_CASE("a whole-word keyword needs word boundaries; a partial one does not", "[filters]") {
  CHECK_FALSE(find_keyword("concatenate", "cat", true));
  CHECK(find_keyword("concatenate", "cat", false) == std::optional<std::string>("cat"));
  CHECK(find_keyword("a cat.", "cat", true));
  CHECK(find_keyword("cat", "cat", true));
  CHECK_FALSE(find_keyword("cat_food", "cat", true));  // _ is a word character
  CHECK_FALSE(find_keyword("cats", "cat", true));
  // Letters outside ASCII are word characters too.
  CHECK_FALSE(find_keyword("catégorie", "cat", true));
  CHECK(find_keyword("le chat, noir", "chat", true));
}

TEST_CASE("a boundary is only needed at an end of the keyword that is a word character", "[filters]") {
  // "#tag" starts with a non-word character, so "x#tag" matches, as Mastodon's \b rule gives.
  CHECK(find_keyword("x#tag here", "#tag", true));
  CHECK_FALSE(find_keyword("#tagged", "#tag", true));
  CHECK(find_keyword("see https://t.co/abc", "https://t.co/", true));
  CHECK(find_keyword("wow!!", "!!", true));
}

TEST_CASE("a later occurrence counts when the first lacks its boundaries", "[filters]") {
  CHECK(find_keyword("scat and cat", "cat", true) == std::optional<std::string>("cat"));
}

TEST_CASE("invalid UTF-8 and empty keywords never match or crash", "[filters]") {
  CHECK_FALSE(find_keyword("abc", "", false));
  CHECK(find_keyword("a\xff\xfe cat", "cat", true));
  CHECK_FALSE(find_keyword("\xe2\x82", "cat", true));
}

TEST_CASE("searchable text joins the content warning, plain content and media descriptions", "[filters]") {
  store::StatusRecord s;
  s.spoiler_text = "cw";
  s.content = "<p>Hello <a href=\"https://x\">world</a></p><p>two</p>";
  store::MediaRecord m;
  m.description = "a red bird";
  auto text = services::searchable_text(s, {m});
  CHECK(text.find("cw") == 0);
  CHECK(text.find("Hello world") != std::string::npos);
  CHECK(text.find("a red bird") != std::string::npos);
  CHECK(text.find("<p>") == std::string::npos);
}

TEST_CASE("a matcher reports each matching filter with its keyword and status matches", "[filters]") {
  store::FilterRecord words;
  words.id = 1;
  words.keywords = {{10, 1, "Cat", true}, {11, 1, "dog", false}, {12, 1, "bird", true}};
  store::FilterRecord statuses;
  statuses.id = 2;
  statuses.statuses = {{20, 2, 500}};
  services::FilterMatcher matcher({words, statuses});

  auto hits = matcher.match(600, 500, "my cat and hotdogs");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].filter == 0);
  CHECK(hits[0].keyword_matches == std::vector<std::string>{"cat", "dog"});
  CHECK(hits[0].status_matches.empty());
  CHECK(hits[1].filter == 1);
  CHECK(hits[1].keyword_matches.empty());
  CHECK(hits[1].status_matches == std::vector<int64_t>{500});

  CHECK(matcher.match(601, std::nullopt, "nothing here").empty());
}
