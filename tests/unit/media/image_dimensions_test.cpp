#include "media/image_dimensions.hpp"

#include <catch2/catch.hpp>

#include "media/image_fixtures.hpp"

using vmst::media::image_dimensions;

namespace {
std::string size_of(const std::string& data) {
  auto size = image_dimensions(data);
  return size ? std::to_string(size->width) + "x" + std::to_string(size->height) : "(none)";
}
}  // namespace

TEST_CASE("width and height come from the headers of real PNG, GIF and JPEG files", "[media]") {
  CHECK(size_of(vmst::testing::kPng3x2) == "3x2");
  CHECK(size_of(vmst::testing::kGif4x7) == "4x7");
  CHECK(size_of(vmst::testing::kJpeg5x3) == "5x3");
  CHECK(size_of(vmst::testing::kJpegProgressive5x3) == "5x3");
}

TEST_CASE("a JPEG turned by its EXIF orientation reports the size it is shown at", "[media]") {
  CHECK(size_of(vmst::testing::kJpeg5x3Rotated) == "3x5");
}

TEST_CASE("all three kinds of WebP give their canvas size", "[media]") {
  CHECK(size_of(vmst::testing::kWebpLossy6x4) == "6x4");
  CHECK(size_of(vmst::testing::kWebpLossless7x5) == "7x5");
  CHECK(size_of(vmst::testing::kWebpExtended9x8) == "9x8");
}

TEST_CASE("truncated or malformed images give no size instead of reading past the end", "[media]") {
  for (const auto* image : {&vmst::testing::kPng3x2, &vmst::testing::kGif4x7, &vmst::testing::kJpeg5x3,
                            &vmst::testing::kJpeg5x3Rotated, &vmst::testing::kWebpLossy6x4,
                            &vmst::testing::kWebpLossless7x5, &vmst::testing::kWebpExtended9x8}) {
    // Every prefix short of the size field: none may crash (ASan watches), none may invent a size.
    for (size_t cut = 0; cut < 24 && cut < image->size(); ++cut) {
      auto size = image_dimensions(image->substr(0, cut));
      if (size) {
        CHECK(size->width > 0);
        CHECK(size->height > 0);
      }
    }
  }
  CHECK_FALSE(image_dimensions(""));
  CHECK_FALSE(image_dimensions("not an image at all"));
  // A JPEG whose first segment claims a length running past the end of the data.
  CHECK_FALSE(image_dimensions(std::string("\xFF\xD8\xFF\xE0\xFF\xFF", 6)));
  // A PNG whose IHDR says 0x0.
  std::string zero = vmst::testing::kPng3x2;
  for (size_t i = 16; i < 24; ++i) zero[i] = 0;
  CHECK_FALSE(image_dimensions(zero));
}
