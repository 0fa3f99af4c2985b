#pragma once
// Uploaded images re-encoded with libvips: turned upright by their EXIF orientation, every metadata block left
// behind (EXIF with GPS, XMP, IPTC, ICC, comments: a new file is written from the pixels alone), animated GIF and
// WebP kept animated, a small preview and a blurhash made.
//
// Untrusted input: the header is read first and an image whose pixel count is over the limit is refused before a
// pixel is decoded (a decompression bomb is a few kilobytes that claim gigapixels). The decode itself streams
// (libvips' sequential access with shrink-on-load), so an image within the limit costs memory for a band of rows
// and the output, not for the whole bitmap. At most two images are processed at once in the whole process; further
// callers wait their turn.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vmst::media {

// Why an image was refused, in words for the uploader.
class ImageRejected : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct EncodedImage {
  std::string bytes;
  std::string mime;       // "image/jpeg"
  std::string extension;  // "jpg"
  int width = 0;
  int height = 0;  // one frame's height for an animation
};

struct ProcessedImage {
  EncodedImage original;
  std::optional<EncodedImage> small;  // attachments only
  std::optional<EncodedImage> still;  // animated profile images: the first frame, as PNG
  std::string blurhash;
  bool animated = false;
};

inline constexpr int kSmallImageBox = 640;                 // the preview fits in 640x640, as Mastodon's
inline constexpr int64_t kOriginalImagePixels = 8294400;   // 3840x2160: larger uploads are scaled down, as Mastodon's

// `mime` is the detected type (content_detection), one of the image types it accepts. `max_pixels` bounds
// width x height of one frame, as read from the header. Throws ImageRejected.
ProcessedImage process_attachment_image(std::string_view bytes, const std::string& mime, int64_t max_pixels);

// Avatars and headers: scaled and cropped from the centre to exactly width x height (400x400, 1500x500). An animated
// GIF or WebP stays animated, each frame scaled and cropped (`still` is then its first frame), within a bound on
// its frames' pixels in all; a still GIF becomes a PNG or JPEG.
ProcessedImage process_profile_image(std::string_view bytes, const std::string& mime, int64_t max_pixels, int width,
                                     int height);

}  // namespace vmst::media
