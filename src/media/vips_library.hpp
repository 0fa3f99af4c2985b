#pragma once
// libvips, opened with dlopen on the first image instead of linked. Linking it maps and relocates some ninety
// libraries at startup (GLib, librsvg, ImageMagick's codecs, OpenEXR, HDF5, x265...): about 14 MB of resident memory
// that a server which may never see an upload would carry all its life (docs/benchmarks.md, idle memory). The
// headers still give every function its type, so a call through this table is checked like a direct one.
// Only the image code includes this: it brings GLib's include paths along.
#include <gmodule.h>
#include <vips/vips.h>

namespace vmst::media {

// Each libvips function used, by its name without the "vips_" prefix.
#define VMST_VIPS_FUNCTIONS(X)                                                                                    \
  X(init) X(version) X(concurrency_set) X(cache_set_max) X(cache_set_max_mem) X(block_untrusted_set) X(type_find) \
  X(error_buffer) X(error_clear) X(foreign_find_load_buffer) X(nickname_find) X(image_new_from_buffer)             \
  X(image_get_width) X(image_get_height) X(image_get_page_height) X(image_get_n_pages) X(image_get_orientation)    \
  X(image_get_format) X(image_get_bands) X(image_hasalpha) X(image_guess_interpretation) X(image_copy_memory)      \
  X(image_write_to_memory) X(image_set_int) X(thumbnail_buffer) X(thumbnail_image) X(colourspace) X(cast_uchar)    \
  X(pngsave_buffer) X(gifsave_buffer) X(webpsave_buffer) X(jpegsave_buffer) X(crop) X(flatten) X(extract_band)     \
  X(arrayjoin) X(copy)

// The GLib functions used, by their name without the "g_" prefix (found through libvips, which links GLib).
#define VMST_GLIB_FUNCTIONS(X) X(free) X(object_unref) X(type_from_name) X(module_open) X(module_make_resident)

struct VipsLibrary {
#define VMST_VIPS_MEMBER(name) decltype(&::vips_##name) name = nullptr;
  VMST_VIPS_FUNCTIONS(VMST_VIPS_MEMBER)
#undef VMST_VIPS_MEMBER
#define VMST_GLIB_MEMBER(name) decltype(&::g_##name) g_##name = nullptr;
  VMST_GLIB_FUNCTIONS(VMST_GLIB_MEMBER)
#undef VMST_GLIB_MEMBER
};

// libvips opened and started (vips_runtime.cpp) on the first call, from whichever thread; the same table after.
// Throws std::runtime_error when the library cannot be opened, lacks a function, or fails to start.
const VipsLibrary& vips_library();

}  // namespace vmst::media
