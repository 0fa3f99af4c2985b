#include "convert/mastodon/json_fragment_cache.hpp"

#include <catch2/catch.hpp>

using vmst::convert::mastodon::JsonFragmentCache;

TEST_CASE("a fragment is served only for the fingerprint it was stored with", "[convert][json_fragment_cache]") {
  JsonFragmentCache cache(1 << 20);
  cache.put(7, 111, "{\"a\":1}");
  std::string out = "x";
  CHECK(cache.append_to(7, 111, out));
  CHECK(out == "x{\"a\":1}");
  CHECK_FALSE(cache.append_to(7, 222, out));
  CHECK_FALSE(cache.append_to(8, 111, out));
  CHECK(out == "x{\"a\":1}");
  cache.put(7, 222, "{\"a\":2}");  // replaces the old rendering
  out.clear();
  CHECK(cache.append_to(7, 222, out));
  CHECK(out == "{\"a\":2}");
  CHECK(cache.entries() == 1);
}

TEST_CASE("the least recently used fragments go when the byte budget is spent", "[convert][json_fragment_cache]") {
  // 16 shards of 4 KiB: each shard holds a few 1 KiB fragments.
  JsonFragmentCache cache(64 << 10);
  const std::string kilobyte(1024, 'x');
  for (int64_t id = 0; id < 1000; ++id) cache.put(id, 1, kilobyte);
  CHECK(cache.bytes() <= (64 << 10));
  CHECK(cache.entries() < 64);
  CHECK(cache.entries() >= 16);
  std::string out;
  CHECK(cache.append_to(999, 1, out));  // the newest stays
  CHECK_FALSE(cache.append_to(0, 1, out));
  // Reading an entry keeps it: with room for two such fragments a shard, id 0 outlives 999 newer ones.
  JsonFragmentCache small(16 * 2500);
  small.put(0, 1, kilobyte);
  for (int64_t id = 1; id < 1000; ++id) {
    std::string ignored;
    REQUIRE(small.append_to(0, 1, ignored));
    small.put(id, 1, kilobyte);
  }
  std::string kept;
  CHECK(small.append_to(0, 1, kept));
}

TEST_CASE("a fragment larger than a shard's budget is not kept", "[convert][json_fragment_cache]") {
  JsonFragmentCache cache(16 * 1024);
  cache.put(1, 1, std::string(4096, 'y'));
  std::string out;
  CHECK_FALSE(cache.append_to(1, 1, out));
  CHECK(cache.entries() == 0);
}
