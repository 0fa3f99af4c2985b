#pragma once
// libvips for the whole process: started once (the server at startup, the CLI and tests on first use), with a small
// thread pool and no operation cache, since uploads are decoded once and the HTTP threads already run in parallel.
#include <string>

namespace vmst::media {

// Idempotent and thread-safe. Throws std::runtime_error when libvips cannot start.
void start_vips();

// Whether libvips here has the named loader (e.g. "heifload_buffer": Debian builds it as a module that may be
// missing, or built without an AVIF decoder).
bool vips_has_operation(const char* nickname);

// libvips' error buffer as text, emptied for the next call.
std::string take_vips_error();

}  // namespace vmst::media
