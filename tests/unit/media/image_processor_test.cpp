#include "media/image_processor.hpp"

#include <catch2/catch.hpp>

#include "media/content_detection.hpp"
#include "media/image_dimensions.hpp"
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

namespace {

struct Frames {
  int count = 0;
  int64_t width = 0, height = 0;
};

size_t byte_at(const std::string& b, size_t i) { return i < b.size() ? static_cast<unsigned char>(b[i]) : 0; }

// Skips GIF data sub-blocks from `i`; returns the position after the terminator.
size_t skip_sub_blocks(const std::string& b, size_t i) {
  while (i < b.size() && byte_at(b, i) != 0) i += byte_at(b, i) + 1;
  return i + 1;
}

// The frames of a GIF (its image descriptors) or of a WebP (its ANMF chunks), and the canvas size.
Frames frames_of(const std::string& b) {
  Frames out;
  auto size = vmst::media::image_dimensions(b);
  REQUIRE(size);
  out.width = size->width;
  out.height = size->height;
  if (b.rfind("GIF8", 0) == 0) {
    size_t i = 13;
    if (byte_at(b, 10) & 0x80) i += 3 * (size_t{1} << ((byte_at(b, 10) & 7) + 1));
    while (i < b.size() && byte_at(b, i) != 0x3b) {
      if (byte_at(b, i) == 0x21) {
        i = skip_sub_blocks(b, i + 2);
      } else if (byte_at(b, i) == 0x2c) {
        ++out.count;
        const size_t flags = byte_at(b, i + 9);
        i += 10;
        if (flags & 0x80) i += 3 * (size_t{1} << ((flags & 7) + 1));
        i = skip_sub_blocks(b, i + 1);
      } else {
        FAIL("not a GIF block");
      }
    }
    return out;
  }
  for (size_t i = 12; i + 8 <= b.size();) {
    const size_t length = byte_at(b, i + 4) | byte_at(b, i + 5) << 8 | byte_at(b, i + 6) << 16 | byte_at(b, i + 7) << 24;
    if (b.compare(i, 4, "ANMF") == 0) ++out.count;
    i += 8 + length + (length & 1);
  }
  return out;
}

}  // namespace

TEST_CASE("an animated GIF avatar stays animated, each frame cropped, with a still first frame beside it",
          "[media][image_processor]") {
  auto avatar = process_profile_image(vmst::testing::kAnimatedGif20x10, "image/gif", kLimit, 400, 400);
  CHECK(avatar.animated);
  CHECK(avatar.original.mime == "image/gif");
  CHECK(avatar.original.extension == "gif");
  CHECK(avatar.original.width == 400);
  CHECK(avatar.original.height == 400);
  auto frames = frames_of(avatar.original.bytes);
  CHECK(frames.count == 3);
  CHECK(frames.width == 400);
  CHECK(frames.height == 400);
  REQUIRE(avatar.still);
  CHECK(avatar.still->mime == "image/png");
  CHECK(vmst::media::detect_mime_type(avatar.still->bytes) == "image/png");
  auto still = vmst::media::image_dimensions(avatar.still->bytes);
  REQUIRE(still);
  CHECK(still->width == 400);
  CHECK(still->height == 400);
  CHECK(avatar.blurhash.size() == 36);

  auto header = process_profile_image(vmst::testing::kAnimatedGif20x10, "image/gif", kLimit, 1500, 500);
  auto header_frames = frames_of(header.original.bytes);
  CHECK(header_frames.count == 3);
  CHECK(header_frames.width == 1500);
  CHECK(header_frames.height == 500);

  // A still GIF is no animation: one image, no still beside it.
  auto plain = process_profile_image(vmst::testing::kGif4x7, "image/gif", kLimit, 400, 400);
  CHECK_FALSE(plain.animated);
  CHECK_FALSE(plain.still);
}

TEST_CASE("an animated WebP avatar stays an animated WebP", "[media][image_processor]") {
  auto avatar = process_profile_image(vmst::testing::kAnimatedWebp20x10, "image/webp", kLimit, 400, 400);
  CHECK(avatar.animated);
  CHECK(avatar.original.mime == "image/webp");
  auto frames = frames_of(avatar.original.bytes);
  CHECK(frames.count == 3);
  CHECK(frames.width == 400);
  CHECK(frames.height == 400);
  REQUIRE(avatar.still);
  CHECK(avatar.still->mime == "image/png");
}

TEST_CASE("an animated profile image whose frames are too many pixels in all is refused",
          "[media][image_processor]") {
  // Three frames are far below the frame count limit, but three frames of 8000x5000 are 120 megapixels to write.
  try {
    process_profile_image(vmst::testing::kAnimatedGif20x10, "image/gif", kLimit, 8000, 5000);
    FAIL("accepted");
  } catch (const ImageRejected& e) {
    CHECK(std::string(e.what()).rfind("Animation is too large: 3 frames", 0) == 0);
  }
}
