#include "convert/mastodon/domain_block.hpp"

#include <catch2/catch.hpp>

using vmst::convert::mastodon::domain_block_json;
using vmst::convert::mastodon::public_domain;

TEST_CASE("obfuscated blocked domains keep their ends and dots readable, as Mastodon shows them", "[convert]") {
  CHECK(public_domain("example.com", false) == "example.com");
  CHECK(public_domain("example.com", true) == "exa****.*om");
  CHECK(public_domain("bad.social", true) == "bad.****al");
  CHECK(public_domain("a.b", true) == "a.*");
}

TEST_CASE("a public domain block carries the digest of the real domain", "[convert]") {
  auto json = domain_block_json({"example.com", "suspend", "spam", true});
  CHECK(json["domain"] == "exa****.*om");
  // SHA-256("example.com")
  CHECK(json["digest"] == "a379a6f6eeafb9a55e378c118034e2751e682fab9f2d30ab13d2125586ce1947");
  CHECK(json["severity"] == "suspend");
  CHECK(json["comment"] == "spam");
  CHECK(domain_block_json({"quiet.example", "silence", "", false})["comment"].is_null());
}
