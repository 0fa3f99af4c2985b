#include "streaming/request_auth.hpp"

#include <catch2/catch.hpp>

#include "streaming/request_target.hpp"

using namespace vmst::streaming;

TEST_CASE("the token comes from Authorization, then Sec-WebSocket-Protocol, then access_token", "[streaming][auth]") {
  QueryParams query{{"access_token", "from-query"}};
  CHECK(find_access_token("Bearer from-header", "from-protocol", query) == "from-header");
  CHECK(find_access_token("bearer  from-header ", "", {}) == "from-header");
  CHECK(find_access_token("bare-token", "", {}) == "bare-token");  // Mastodon strips "Bearer " when present
  CHECK(find_access_token("", "from-protocol", query) == "from-protocol");
  CHECK(find_access_token("", "", query) == "from-query");
  CHECK_FALSE(find_access_token("", "", {}));
  CHECK_FALSE(find_access_token("Bearer ", " ", {{"access_token", ""}}));
}

TEST_CASE("the first offered subprotocol is echoed exactly as sent", "[streaming][auth]") {
  CHECK(protocol_to_echo("AbC-123_x") == "AbC-123_x");
  CHECK(protocol_to_echo("tok, other") == "tok");
  CHECK_FALSE(protocol_to_echo(""));
  CHECK_FALSE(protocol_to_echo(" , x"));
}

TEST_CASE("request targets are split, percent-decoded and lose trailing slashes", "[streaming][auth]") {
  auto t = parse_request_target("/api/v1/streaming/hashtag/?tag=caf%C3%A9&access_token=a%2Bb&tag=second&flag");
  CHECK(t.path == "/api/v1/streaming/hashtag");
  CHECK(t.query.at("tag") == "caf\xC3\xA9");  // the first value wins
  CHECK(t.query.at("access_token") == "a+b");
  CHECK(t.query.at("flag").empty());
  CHECK(parse_request_target("/").path == "/");
  CHECK(parse_request_target("/a%zz?x=1+2").path == "/a%zz");
  CHECK(parse_request_target("/a?x=1+2").query.at("x") == "1 2");
  CHECK(query_flag({{"only_media", "true"}}, "only_media"));
  CHECK(query_flag({{"only_media", "1"}}, "only_media"));
  CHECK_FALSE(query_flag({{"only_media", "false"}}, "only_media"));
  CHECK_FALSE(query_flag({{"only_media", "0"}}, "only_media"));
  CHECK_FALSE(query_flag({}, "only_media"));
}
