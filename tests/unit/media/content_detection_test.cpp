#include "media/content_detection.hpp"

#include <catch2/catch.hpp>

#include "media/image_fixtures.hpp"

using vmst::media::declared_type_agrees;
using vmst::media::detect_media_type;

namespace {
std::string kind_of(const std::string& bytes) {
  auto type = detect_media_type(bytes);
  return type ? type->mime + " " + type->kind + " " + type->extension : "(refused)";
}
}  // namespace

TEST_CASE("libmagic names the image formats Mastodon accepts from their content", "[media][content_detection]") {
  CHECK(kind_of(vmst::testing::kPng3x2) == "image/png image png");
  CHECK(kind_of(vmst::testing::kJpeg5x3) == "image/jpeg image jpg");
  CHECK(kind_of(vmst::testing::kGif4x7) == "image/gif image gif");
  CHECK(kind_of(vmst::testing::kWebpLossy6x4) == "image/webp image webp");
}

TEST_CASE("content that is not accepted media is refused whatever it starts like", "[media][content_detection]") {
  CHECK(kind_of("") == "(refused)");
  CHECK(kind_of("<!DOCTYPE html><html><script>alert(1)</script></html>") == "(refused)");
  CHECK(kind_of("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n") == "(refused)");
  CHECK(kind_of("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>") == "(refused)");
  CHECK(vmst::media::detect_mime_type("plain words") == "text/plain");
}

TEST_CASE("a declared type must be the detected image type, or loosely audio/video for media",
          "[media][content_detection]") {
  const auto png = *detect_media_type(vmst::testing::kPng3x2);
  CHECK(declared_type_agrees("", png));
  CHECK(declared_type_agrees("application/octet-stream", png));
  CHECK(declared_type_agrees("image/png", png));
  CHECK(declared_type_agrees("IMAGE/PNG; charset=binary", png));
  CHECK_FALSE(declared_type_agrees("image/jpeg", png));
  CHECK_FALSE(declared_type_agrees("text/html", png));

  const auto jpeg = *detect_media_type(vmst::testing::kJpeg5x3);
  CHECK(declared_type_agrees("image/jpg", jpeg));

  const vmst::media::MediaType mp4{"video/mp4", "video", "mp4"};
  CHECK(declared_type_agrees("audio/mp4", mp4));
  CHECK(declared_type_agrees("video/quicktime", mp4));
  CHECK_FALSE(declared_type_agrees("image/png", mp4));
}

TEST_CASE("the advertised upload types include every detected image and media type", "[media][content_detection]") {
  const auto accepted = vmst::media::accepted_mime_types();
  for (const char* mime : {"image/png", "image/jpeg", "image/gif", "image/webp", "video/mp4", "video/webm",
                           "video/quicktime", "audio/mpeg", "audio/ogg", "audio/wav", "audio/flac"}) {
    INFO(mime);
    CHECK(std::find(accepted.begin(), accepted.end(), mime) != accepted.end());
  }
}
