#pragma once
// libvips for the whole process: opened and started once, on the first image (media/vips_library.hpp says why not
// at startup), with a small thread pool and no operation cache, since uploads are decoded once and the HTTP threads
// already run in parallel.
#include <string>

namespace vmst::media {

// Points libvips away from its module folder (vips_runtime.cpp says why) by setting VIPSHOME for the process.
// Changing the environment races with any thread reading it, so main() calls this before it starts any; a start
// that finds it not done (unit tests) does it then.
void prepare_vips_environment();

// Idempotent and thread-safe. Throws std::runtime_error when libvips cannot be opened or started.
void start_vips();

// Whether libvips has been opened in this process (it is not until an image needs it).
bool vips_started();

// Whether libvips here has the named loader (e.g. "heifload_buffer": Debian builds it as a module that may be
// missing, or built without an AVIF decoder).
bool vips_has_operation(const char* nickname);

// Whether libvips' HEIF module (HEIC and AVIF) is installed, found without opening libvips.
bool vips_heif_module_installed();

// libvips' error buffer as text, emptied for the next call.
std::string take_vips_error();

}  // namespace vmst::media
