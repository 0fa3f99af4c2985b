#include "crypto/encoding.hpp"

#include <catch2/catch.hpp>

using namespace vmst::crypto;

TEST_CASE("base64 round-trips and rejects malformed input", "[crypto][encoding]") {
  CHECK(base64_encode("hello") == "aGVsbG8=");
  CHECK(base64_decode("aGVsbG8=") == std::optional<std::string>("hello"));
  CHECK(base64_decode("aGVsbG8") == std::nullopt);
  CHECK(base64_decode("a!!!") == std::nullopt);
  CHECK(base64url_encode("\xfb\xff") == "-_8");
}

TEST_CASE("sha256 matches the known digest", "[crypto][encoding]") {
  CHECK(hex_encode(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
