#include "media/vips_runtime.hpp"

#include <gmodule.h>
#include <vips/vips.h>

#include <cstdlib>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace vmst::media {

namespace {

// libvips loads every module in its module folder at start, which maps ImageMagick, poppler and OpenSlide (and what
// they link) into the process: about 5 MB of resident memory, and loaders we never let near an upload. It looks for
// that folder under $VIPSHOME, so it starts with VIPSHOME pointing nowhere, and then only the HEIF module is opened.
// This runs before the server starts its threads (App::start) or in the single-threaded CLI, so changing the
// environment races with no one.
void start_without_modules() {
  const char* previous = std::getenv("VIPSHOME");
  std::optional<std::string> saved = previous ? std::optional<std::string>(previous) : std::nullopt;
  setenv("VIPSHOME", "/nonexistent/vmst-loads-no-vips-modules", 1);
  const int failed = VIPS_INIT("vmst");
  if (saved) {
    setenv("VIPSHOME", saved->c_str(), 1);
  } else {
    unsetenv("VIPSHOME");
  }
  if (failed != 0) throw std::runtime_error("libvips failed to start: " + take_vips_error());
}

// A missing module is not an error: HEIF uploads are then refused as an unsupported type (vips_has_operation).
void load_heif_module() {
  GModule* module = g_module_open(VMST_VIPS_HEIF_MODULE, G_MODULE_BIND_LAZY);
  if (module != nullptr) g_module_make_resident(module);
}

}  // namespace

void start_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    start_without_modules();
    load_heif_module();
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
