#include "text/profile_text.hpp"

#include <catch2/catch.hpp>

#include "text/character_count.hpp"

using namespace vmst::text;

TEST_CASE("a bio becomes paragraphs and line breaks with everything escaped", "[profile_text]") {
  CHECK(render_profile_note("") == "");
  CHECK(render_profile_note("  \n ") == "");
  CHECK(render_profile_note("Hello <b>&</b>") == "<p>Hello &lt;b&gt;&amp;&lt;/b&gt;</p>");
  CHECK(render_profile_note("one\ntwo\r\n\r\nthree") == "<p>one<br />two</p><p>three</p>");
}

TEST_CASE("links in a bio are made clickable without their trailing punctuation", "[profile_text]") {
  CHECK(render_profile_note("see https://example.com/a?b=1&c=2.") ==
        "<p>see <a href=\"https://example.com/a?b=1&amp;c=2\" target=\"_blank\" rel=\"nofollow noopener\" "
        "translate=\"no\">https://example.com/a?b=1&amp;c=2</a>.</p>");
  CHECK(render_profile_note("xhttps://example.com") == "<p>xhttps://example.com</p>");
  CHECK(render_profile_note("http://") == "<p>http://</p>");
  CHECK(render_profile_note("\"https://a.example/\"><script>") ==
        "<p>&quot;<a href=\"https://a.example/\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\">"
        "https://a.example/</a>&quot;&gt;&lt;script&gt;</p>");
}

TEST_CASE("field values link with rel=me for verification", "[profile_text]") {
  CHECK(render_profile_field_value(" https://me.example ") ==
        "<a href=\"https://me.example\" target=\"_blank\" rel=\"nofollow noopener me\" translate=\"no\">"
        "https://me.example</a>");
  CHECK(render_profile_field_value("a<b") == "a&lt;b");
}

TEST_CASE("lengths count characters, not bytes", "[profile_text]") {
  CHECK(character_count("") == 0);
  CHECK(character_count("abc") == 3);
  CHECK(character_count("café") == 4);
  CHECK(character_count("🐘🐘") == 2);
}
