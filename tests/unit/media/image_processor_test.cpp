#include "media/image_processor.hpp"

#include <catch2/catch.hpp>

#include "media/content_detection.hpp"
#include "media/image_fixtures.hpp"

using vmst::media::ImageRejected;
using vmst::media::process_attachment_image;
using vmst::media::process_profile_image;

namespace {
constexpr int64_t kLimit = 33177600;
}

TEST_CASE("an attachment image is re-encoded in its format with a preview, sizes and a blurhash",
          "[media][image_processor]") {
  auto png = process_attachment_image(vmst::testing::kPng3x2, "image/png", kLimit);
  CHECK(png.original.mime == "image/png");
  CHECK(png.original.extension == "png");
  CHECK(png.original.width == 3);
  CHECK(png.original.height == 2);
  REQUIRE(png.small);
  CHECK(png.small->width == 3);
  CHECK(png.small->height == 2);
  CHECK(png.blurhash.size() == 36);  // 4x4 components: 1 + 1 + 4 + 15 * 2
  CHECK(vmst::media::detect_mime_type(png.original.bytes) == "image/png");

  auto webp = process_attachment_image(vmst::testing::kWebpLossy6x4, "image/webp", kLimit);
  CHECK(webp.original.mime == "image/webp");
  CHECK(webp.original.width == 6);
  CHECK(webp.original.height == 4);
}

TEST_CASE("a JPEG is turned upright by its EXIF orientation", "[media][image_processor]") {
  // Stored 5x3 with orientation 6 (rotate 90 degrees clockwise to view).
  auto jpeg = process_attachment_image(vmst::testing::kJpeg5x3Rotated, "image/jpeg", kLimit);
  CHECK(jpeg.original.mime == "image/jpeg");
  CHECK(jpeg.original.width == 3);
  CHECK(jpeg.original.height == 5);
  // Nothing of the EXIF block is written again, so no orientation to apply twice.
  CHECK(jpeg.original.bytes.find("Exif") == std::string::npos);
}

TEST_CASE("an image over the pixel limit is refused from its header", "[media][image_processor]") {
  try {
    process_attachment_image(vmst::testing::kPng3x2, "image/png", 5);
    FAIL("accepted");
  } catch (const ImageRejected& e) {
    CHECK(std::string(e.what()) == "Image is too large: 3x2 pixels, more than the limit of 5 pixels");
  }
}

TEST_CASE("content that is not the named image type is refused", "[media][image_processor]") {
  CHECK_THROWS_AS(process_attachment_image(vmst::testing::kPng3x2, "image/jpeg", kLimit), ImageRejected);
  CHECK_THROWS_AS(process_attachment_image("not an image at all", "image/png", kLimit), ImageRejected);
  CHECK_THROWS_AS(process_attachment_image(vmst::testing::kPng3x2.substr(0, 40), "image/png", kLimit),
                  ImageRejected);
  CHECK_THROWS_AS(process_attachment_image(vmst::testing::kPng3x2, "image/svg+xml", kLimit), ImageRejected);
}

TEST_CASE("profile images are cropped to exactly the asked size", "[media][image_processor]") {
  auto avatar = process_profile_image(vmst::testing::kJpeg5x3, "image/jpeg", kLimit, 400, 400);
  CHECK(avatar.original.width == 400);
  CHECK(avatar.original.height == 400);
  CHECK_FALSE(avatar.small);
  auto header = process_profile_image(vmst::testing::kGif4x7, "image/gif", kLimit, 1500, 500);
  CHECK(header.original.width == 1500);
  CHECK(header.original.height == 500);
  CHECK(header.original.mime != "image/gif");
}
