#pragma once
// Width and height of an image read from its header, without decoding it (there is no image library yet: the media
// issue brings libvips for resizing and blurhash). Input is untrusted: every read is bounds-checked, and anything
// truncated or malformed gives nullopt rather than a guess.
#include <cstdint>
#include <optional>
#include <string_view>

namespace vmst::media {

struct ImageSize {
  int64_t width = 0;
  int64_t height = 0;
};

// PNG, JPEG, GIF and WebP (lossy, lossless and extended). For a JPEG whose EXIF orientation turns it by 90 degrees
// the displayed size is returned (width and height swapped), as viewers show it that way.
std::optional<ImageSize> image_dimensions(std::string_view bytes);

}  // namespace vmst::media
