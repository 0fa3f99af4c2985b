#include "media/media_type.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "media/image_fixtures.hpp"

using vmst::media::sniff_media_type;

namespace {
std::string bytes(std::initializer_list<int> values, std::string tail = "") {
  std::string out;
  for (int v : values) out += static_cast<char>(v);
  return out + tail;
}

std::string mime_of(const std::string& data) {
  auto type = sniff_media_type(data);
  return type ? type->mime : "(none)";
}
}  // namespace

TEST_CASE("images are recognised by their magic bytes, whatever the name", "[media]") {
  auto png = sniff_media_type(vmst::testing::kPng3x2);
  REQUIRE(png);
  CHECK(png->mime == "image/png");
  CHECK(png->kind == "image");
  CHECK(png->extension == "png");
  CHECK(mime_of(vmst::testing::kJpeg5x3) == "image/jpeg");
  CHECK(mime_of(vmst::testing::kGif4x7) == "image/gif");
  CHECK(mime_of(vmst::testing::kWebpLossy6x4) == "image/webp");
  CHECK(mime_of(vmst::testing::kWebpLossless7x5) == "image/webp");
}

TEST_CASE("video and audio containers are recognised and classed as Mastodon does", "[media]") {
  auto mp4 = sniff_media_type(bytes({0, 0, 0, 0x18}, "ftypisom"));
  REQUIRE(mp4);
  CHECK(mp4->mime == "video/mp4");
  CHECK(mp4->kind == "video");
  auto webm = sniff_media_type(bytes({0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84}, "webm"));
  REQUIRE(webm);
  CHECK(webm->mime == "video/webm");
  CHECK(webm->kind == "video");

  auto ogg = sniff_media_type(std::string("OggS\0\x02", 6));
  REQUIRE(ogg);
  CHECK(ogg->mime == "audio/ogg");
  CHECK(ogg->kind == "audio");
  CHECK(mime_of(std::string("RIFF\x24\0\0\0WAVEfmt ", 16)) == "audio/wav");
  CHECK(mime_of(std::string("ID3\x04\0\0\0\0\0\0", 10)) == "audio/mpeg");
  // A bare MPEG-1 layer III frame header (128 kbit/s, 44.1 kHz).
  CHECK(mime_of(bytes({0xFF, 0xFB, 0x90, 0x64})) == "audio/mpeg");
}

TEST_CASE("anything else is refused, including text posing as media and truncated headers", "[media]") {
  CHECK_FALSE(sniff_media_type(""));
  CHECK_FALSE(sniff_media_type("<!DOCTYPE html><html><script>alert(1)</script>"));
  CHECK_FALSE(sniff_media_type("%PDF-1.7\n"));
  CHECK_FALSE(sniff_media_type(vmst::testing::kPng3x2.substr(0, 7)));
  CHECK_FALSE(sniff_media_type(std::string("RIFF\0\0\0\0AVI ", 12)));
  // Matroska that is not WebM, and an MPEG sync word with a reserved layer.
  CHECK_FALSE(sniff_media_type(bytes({0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x88}, "matroska")));
  CHECK_FALSE(sniff_media_type(bytes({0xFF, 0xF9, 0x90, 0x64})));
}

TEST_CASE("the advertised MIME types cover everything the sniffer accepts", "[media]") {
  const auto& supported = vmst::media::supported_mime_types();
  for (const char* mime : {"image/png", "image/jpeg", "image/gif", "image/webp", "video/mp4", "video/webm",
                           "audio/mpeg", "audio/ogg", "audio/wav"}) {
    INFO(mime);
    CHECK(std::find(supported.begin(), supported.end(), mime) != supported.end());
  }
}
