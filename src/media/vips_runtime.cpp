#include "media/vips_runtime.hpp"

#include <vips/vips.h>

#include <mutex>
#include <stdexcept>

namespace vmst::media {

void start_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("vmst") != 0) throw std::runtime_error("libvips failed to start: " + take_vips_error());
    // One worker per image: uploads arrive on many HTTP threads already, and each extra vips thread keeps its own
    // buffers.
    vips_concurrency_set(1);
    // Every upload is new: a cache of operations would only keep decoded pixels alive.
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    // Never let a loader for a format we do not accept (ImageMagick, PDF, SVG, ...) touch uploaded bytes, even if
    // content detection were fooled: those are the loaders libvips itself calls unfit for untrusted input.
    vips_block_untrusted_set(TRUE);
  });
}

bool vips_has_operation(const char* nickname) {
  start_vips();
  return vips_type_find("VipsOperation", nickname) != 0;
}

std::string take_vips_error() {
  std::string text = vips_error_buffer();
  vips_error_clear();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace vmst::media
