// Uploads a 12-megapixel JPEG (4000x3000, made here with libvips from noise so it compresses like a photo) through
// services::upload_media RUNS times and prints the time of each and the process's peak resident memory.
// Usage: vmst_media_bench [RUNS]. See bench/run_media_bench.sh and docs/benchmarks.md.
#include <sys/resource.h>
#include <unistd.h>
#include <vips/vips.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "federation/local_urls.hpp"
#include "media/media_storage.hpp"
#include "media/vips_runtime.hpp"
#include "services/accounts.hpp"
#include "services/media.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace {

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

std::string photo_like_jpeg(int width, int height) {
  VipsImage* noise = nullptr;
  VipsImage* bands = nullptr;
  VipsImage* image = nullptr;
  // Noise around mid-grey in three bands, blurred a little: about as costly to decode as a camera picture.
  if (vips_gaussnoise(&noise, width, height, "sigma", 40.0, "mean", 128.0, nullptr) ||
      vips_bandjoin_const1(noise, &bands, 0.0, nullptr)) {
    std::fprintf(stderr, "cannot make the test image: %s\n", vips_error_buffer());
    std::exit(1);
  }
  VipsImage* three = nullptr;
  if (vips_bandjoin_const1(bands, &three, 255.0, nullptr) || vips_gaussblur(three, &image, 0.8, nullptr)) {
    std::fprintf(stderr, "cannot make the test image: %s\n", vips_error_buffer());
    std::exit(1);
  }
  void* buffer = nullptr;
  size_t length = 0;
  if (vips_jpegsave_buffer(image, &buffer, &length, "Q", 90, nullptr)) {
    std::fprintf(stderr, "cannot encode the test image: %s\n", vips_error_buffer());
    std::exit(1);
  }
  std::string bytes(static_cast<const char*>(buffer), length);
  g_free(buffer);
  g_object_unref(image);
  g_object_unref(three);
  g_object_unref(bands);
  g_object_unref(noise);
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace vmst;
  const int runs = argc > 1 ? std::atoi(argv[1]) : 5;
  media::start_vips();
  const auto folder = std::filesystem::temp_directory_path() / ("vmst-media-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(folder);
  {
    store::Database db{store::DatabaseOptions{folder / "vmst.db", 2, 2000, 2}};
    store::apply_migrations(db);
    federation::LocalUrls urls{"https://bench.example"};
    media::MediaStorage storage{folder / "media"};
    const auto account =
        services::create_local_account(db, urls, {"bench", "bench@example.org", std::string("password-1"), "user"});
    const services::MediaLimits limits{16 * 1024 * 1024, 99 * 1024 * 1024, 33177600};

    const std::string jpeg = photo_like_jpeg(4000, 3000);
    const long rss_before = peak_rss_kib();
    std::printf("input: 4000x3000 JPEG, %zu bytes; peak RSS before uploads: %ld MiB\n", jpeg.size(), rss_before / 1024);
    for (int run = 1; run <= runs; ++run) {
      services::MediaUpload upload;
      upload.file = jpeg;
      upload.declared_type = "image/jpeg";
      const auto started = std::chrono::steady_clock::now();
      const auto media = services::upload_media(db, storage, limits, account.account_id, upload);
      const auto elapsed =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      std::printf("run %d: %.0f ms, stored %lld bytes, peak RSS %ld MiB\n", run, elapsed,
                  static_cast<long long>(media.file_size.value_or(0)), peak_rss_kib() / 1024);
    }
  }
  std::filesystem::remove_all(folder);
  return 0;
}
