#include <catch2/catch.hpp>

#include "media/vips_runtime.hpp"

using vmst::media::vips_has_operation;

TEST_CASE("libvips starts without the ImageMagick, poppler and OpenSlide modules", "[media][vips_runtime]") {
  CHECK_FALSE(vips_has_operation("magickload_buffer"));
  CHECK_FALSE(vips_has_operation("pdfload_buffer"));
  CHECK_FALSE(vips_has_operation("openslideload"));
}

TEST_CASE("libvips still reads HEIF and AVIF through the one module opened by path", "[media][vips_runtime]") {
  CHECK(vips_has_operation("heifload_buffer"));
}

TEST_CASE("libvips keeps the loaders built into it", "[media][vips_runtime]") {
  CHECK(vips_has_operation("jpegload_buffer"));
  CHECK(vips_has_operation("pngload_buffer"));
  CHECK(vips_has_operation("gifload_buffer"));
  CHECK(vips_has_operation("webpload_buffer"));
}

TEST_CASE("the HEIF module is found without opening libvips, as libvips itself finds its loader",
          "[media][vips_runtime]") {
  CHECK(vmst::media::vips_heif_module_installed() == vips_has_operation("heifload_buffer"));
  CHECK(vmst::media::vips_started());
}
