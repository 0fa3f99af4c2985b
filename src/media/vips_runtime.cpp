#include "media/vips_runtime.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include "media/vips_library.hpp"

namespace vmst::media {

namespace {

// libvips loads every module in its module folder at start, which maps ImageMagick, poppler and OpenSlide (and what
// they link) into the process: about 5 MB of resident memory, and loaders we never let near an upload. It looks for
// that folder under $VIPSHOME, so VIPSHOME points nowhere, and then only the HEIF module is opened.
constexpr const char* kNoModulesHome = "/nonexistent/vmst-loads-no-vips-modules";

std::atomic<bool> environment_prepared{false};
std::atomic<bool> started{false};

void* open_library() {
  void* handle = dlopen(VMST_VIPS_LIBRARY, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    throw std::runtime_error(std::string("libvips could not be opened: ") + (why ? why : VMST_VIPS_LIBRARY));
  }
  return handle;  // never closed: libvips registers GObject types that cannot be unregistered
}

template <typename Function>
void resolve(void* handle, const char* symbol, Function& into) {
  void* address = dlsym(handle, symbol);
  if (address == nullptr) throw std::runtime_error(std::string("libvips has no function ") + symbol);
  into = reinterpret_cast<Function>(address);
}

VipsLibrary resolve_all(void* handle) {
  VipsLibrary library;
#define VMST_RESOLVE_VIPS(name) resolve(handle, "vips_" #name, library.name);
  VMST_VIPS_FUNCTIONS(VMST_RESOLVE_VIPS)
#undef VMST_RESOLVE_VIPS
#define VMST_RESOLVE_GLIB(name) resolve(handle, "g_" #name, library.g_##name);
  VMST_GLIB_FUNCTIONS(VMST_RESOLVE_GLIB)
#undef VMST_RESOLVE_GLIB
  return library;
}

std::string error_text(const VipsLibrary& vips) {
  std::string text = vips.error_buffer();
  vips.error_clear();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// What VIPS_INIT does, through the table: refuse a library whose ABI is not the one the headers describe.
void start(const VipsLibrary& vips) {
  const int abi = vips.version(3) - vips.version(5);
  if (abi != VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE) {
    throw std::runtime_error("libvips has ABI version " + std::to_string(abi) + ", vmst was built for " +
                             std::to_string(VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE));
  }
  if (vips.init("vmst") != 0) throw std::runtime_error("libvips failed to start: " + error_text(vips));
}

// A missing module is not an error: HEIF uploads are then refused as an unsupported type (vips_has_operation).
void load_heif_module(const VipsLibrary& vips) {
  GModule* module = vips.g_module_open(VMST_VIPS_HEIF_MODULE, G_MODULE_BIND_LAZY);
  if (module != nullptr) vips.g_module_make_resident(module);
}

const VipsLibrary& open_and_start() {
  static const VipsLibrary library = [] {
    prepare_vips_environment();
    VipsLibrary vips = resolve_all(open_library());
    start(vips);
    load_heif_module(vips);
    // One worker per image: uploads arrive on many HTTP threads already, and each extra vips thread keeps its own
    // buffers.
    vips.concurrency_set(1);
    // Every upload is new: a cache of operations would only keep decoded pixels alive.
    vips.cache_set_max(0);
    vips.cache_set_max_mem(0);
    // Never let a loader for a format we do not accept (ImageMagick, PDF, SVG, ...) touch uploaded bytes, even if
    // content detection were fooled: those are the loaders libvips itself calls unfit for untrusted input.
    vips.block_untrusted_set(TRUE);
    return vips;
  }();
  started = true;
  return library;
}

}  // namespace

void prepare_vips_environment() {
  if (environment_prepared.exchange(true)) return;
  setenv("VIPSHOME", kNoModulesHome, 1);
}

const VipsLibrary& vips_library() { return open_and_start(); }

void start_vips() { open_and_start(); }

bool vips_started() { return started; }

bool vips_heif_module_installed() { return access(VMST_VIPS_HEIF_MODULE, R_OK) == 0; }

bool vips_has_operation(const char* nickname) {
  return vips_library().type_find("VipsOperation", nickname) != 0;
}

std::string take_vips_error() { return error_text(vips_library()); }

}  // namespace vmst::media
