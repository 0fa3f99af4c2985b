#include "media/blurhash.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using vmst::media::encode_blurhash;

// Expected hashes are what the reference implementation (Debian's python3-blurhash, the C encoder of blurha.sh)
// gives for the same pixels.
TEST_CASE("blurhash matches the reference encoder on a mixed 4x3 image", "[media][blurhash]") {
  const std::vector<uint8_t> pixels = {255, 0,   0,   0,   255, 0,   0,   0,   255, 255, 255, 0,
                                       0,   255, 255, 255, 0,   255, 10,  20,  30,  200, 100, 50,
                                       128, 128, 128, 0,   0,   0,   255, 255, 255, 90,  180, 45};
  CHECK(encode_blurhash(pixels, 4, 3, 4, 3) == "LwJu7J%is}_0~Vxv?9=c%Cn2;J@w");
}

TEST_CASE("blurhash matches the reference encoder on a solid 2x2 image with 4x4 components", "[media][blurhash]") {
  std::vector<uint8_t> red;
  for (int i = 0; i < 4; ++i) red.insert(red.end(), {255, 0, 0});
  CHECK(encode_blurhash(red, 2, 2) == "U~TI:j|cfQ|c|c|cfQ|cfQfQfQfQ|c|cfQ|c");
}

TEST_CASE("blurhash refuses an empty image, short buffers and components out of range", "[media][blurhash]") {
  const std::vector<uint8_t> one = {1, 2, 3};
  CHECK_THROWS_AS(encode_blurhash(one, 0, 1), std::invalid_argument);
  CHECK_THROWS_AS(encode_blurhash(one, 2, 1), std::invalid_argument);
  CHECK_THROWS_AS(encode_blurhash(one, 1, 1, 10, 1), std::invalid_argument);
  CHECK(encode_blurhash(one, 1, 1, 1, 1).size() == 6);  // size, maximum, four DC digits
}
