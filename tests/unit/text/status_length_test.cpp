#include "text/status_length.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace vmst::text;

// Expected counts follow Mastodon's StatusLengthValidator: links become 23 placeholder characters, mentions
// "@username", the rest counts per character (code points here).

TEST_CASE("status length: characters are counted as code points, not bytes", "[status_length]") {
  CHECK(count_status_characters("hello") == 5);
  CHECK(count_status_characters("日本語") == 3);
  CHECK(count_status_characters("😀😀") == 2);
  CHECK(count_status_characters("é") == 1);
  CHECK(count_status_characters("e\u0301") == 2);  // a combining mark is a code point of its own
  CHECK(count_status_characters("#hashtag :blob:") == 15);
}

TEST_CASE("status length: surrounding white space does not count and blank text counts nothing", "[status_length]") {
  CHECK(count_status_characters("") == 0);
  CHECK(count_status_characters("  \n\t ") == 0);
  CHECK(count_status_characters("\n  hi  \n") == 2);
  CHECK(count_status_characters("\u3000") == 0);
  CHECK(count_status_characters("a\r\nb") == 3);
}

TEST_CASE("status length: every link counts as 23 characters however long it is", "[status_length]") {
  const std::string long_url = "https://example.com/" + std::string(300, 'a');
  CHECK(count_status_characters(long_url) == 23);
  CHECK(count_status_characters("http://a.co") == 23);
  CHECK(count_status_characters("see " + long_url + " and https://example.org/x.") == 4 + 23 + 5 + 23 + 1);
  CHECK(count_status_characters(std::string(477, 'a') + " " + long_url) == 501);
}

TEST_CASE("status length: text that is not a link counts in full", "[status_length]") {
  CHECK(count_status_characters("http://localhost:3000/abc") == 25);
  CHECK(count_status_characters("example.com") == 11);
  // Mastodon links xmpp: URIs but its validator only shortens web links.
  CHECK(count_status_characters("xmpp:user@instance.com") == 22);
}

TEST_CASE("status length: a remote mention counts only as @user", "[status_length]") {
  CHECK(count_status_characters("@alice") == 6);
  CHECK(count_status_characters("@alice@example.com") == 6);
  CHECK(count_status_characters("@alice@a-very-long-domain-name.example.social hi") == 9);
  CHECK(count_status_characters("@alice@localhost:8080") == 6);
  CHECK(count_status_characters("mail a@example.com") == 18);
}

TEST_CASE("status length: a mention inside a link is counted once, as part of the link", "[status_length]") {
  CHECK(count_status_characters("https://example.com/a,@alice@example.com") == 23);
  CHECK(count_status_characters("https://medium.com/@alice/article") == 23);
}

TEST_CASE("status length: each ill-formed UTF-8 subpart counts as one character", "[status_length][utf8]") {
  CHECK(count_status_characters("\xFF\xFE") == 2);
  CHECK(count_status_characters("a\xE2\x82" "b") == 3);
  CHECK(count_status_characters("\xF0\x9F\x98") == 1);
}

TEST_CASE("status length: a content warning counts in full, links and mentions included", "[status_length]") {
  CHECK(count_plain_characters(" CW: @alice@example.com https://example.com/ \n") == 43);
  CHECK(count_plain_characters("") == 0);
}
