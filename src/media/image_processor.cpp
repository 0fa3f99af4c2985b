#include "media/image_processor.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <semaphore>
#include <vector>

#include "media/blurhash.hpp"
#include "media/vips_library.hpp"
#include "media/vips_runtime.hpp"

namespace vmst::media {

namespace {

const VipsLibrary& vips() { return vips_library(); }

struct Unref {
  void operator()(VipsImage* image) const { vips().g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// Images decoded at once, whatever the number of HTTP threads uploading: one image takes tens of megabytes while it
// is processed and a 2-core machine gains no speed from more, so the rest wait here instead of adding up in memory.
constexpr std::ptrdiff_t kConcurrentImages = 2;

class ImageSlot {
 public:
  ImageSlot() { slots().acquire(); }
  ~ImageSlot() { slots().release(); }
  ImageSlot(const ImageSlot&) = delete;
  ImageSlot& operator=(const ImageSlot&) = delete;

 private:
  static std::counting_semaphore<kConcurrentImages>& slots() {
    static std::counting_semaphore<kConcurrentImages> semaphore(kConcurrentImages);
    return semaphore;
  }
};

constexpr int kMaxFrames = 1000;  // an animation's frames are bounded as well as each frame's size
constexpr int64_t kMaxAnimationPixels = 100'000'000;  // an animated profile image's frames, read or written, in all

[[noreturn]] void reject(const std::string& message) {
  take_vips_error();  // the details are libvips' own; the uploader gets the message
  throw ImageRejected(message);
}

// The buffer loader libvips must pick for the detected type; anything else means the content is not that type.
const char* loader_for(const std::string& mime) {
  if (mime == "image/jpeg") return "jpegload_buffer";
  if (mime == "image/png") return "pngload_buffer";
  if (mime == "image/gif") return "gifload_buffer";
  if (mime == "image/webp") return "webpload_buffer";
  if (mime == "image/heic" || mime == "image/heif" || mime == "image/avif") return "heifload_buffer";
  return nullptr;
}

bool may_animate(const std::string& mime) { return mime == "image/gif" || mime == "image/webp"; }

struct Header {
  int width = 0;        // as stored, before orientation
  int frame_height = 0;
  int frames = 1;
  bool turned = false;  // EXIF orientation 5..8: width and height swap when upright
};

Header read_header(std::string_view bytes, const std::string& mime, int64_t max_pixels) {
  const char* loader = loader_for(mime);
  if (!loader) reject("File content type is invalid");
  // libvips picks its loader from the bytes itself; it must be the one for the detected type (the class name it
  // returns is turned into the loader's nickname to compare).
  const char* found = vips().foreign_find_load_buffer(bytes.data(), bytes.size());
  const char* nickname = found ? vips().nickname_find(vips().g_type_from_name(found)) : nullptr;
  if (!nickname || std::string_view(nickname) != loader) reject("File is not a valid " + mime + " image");

  // Only the header is read here: libvips decodes lazily.
  VipsImage* loaded = may_animate(mime)
                          ? vips().image_new_from_buffer(bytes.data(), bytes.size(), "", "access",
                                                       VIPS_ACCESS_SEQUENTIAL, "n", -1, nullptr)
                          : vips().image_new_from_buffer(bytes.data(), bytes.size(), "", "access",
                                                       VIPS_ACCESS_SEQUENTIAL, nullptr);
  if (!loaded) reject("File could not be read as " + mime);
  Image image(loaded);

  Header header;
  header.width = vips().image_get_width(loaded);
  header.frame_height = vips().image_get_page_height(loaded);
  header.frames = std::max(1, vips().image_get_n_pages(loaded));
  const int orientation = vips().image_get_orientation(loaded);
  header.turned = orientation >= 5 && orientation <= 8;
  const int64_t frame_pixels = static_cast<int64_t>(header.width) * header.frame_height;
  if (header.width <= 0 || header.frame_height <= 0) reject("File could not be read as " + mime);
  if (frame_pixels > max_pixels) {
    reject("Image is too large: " + std::to_string(header.width) + "x" + std::to_string(header.frame_height) +
           " pixels, more than the limit of " + std::to_string(max_pixels) + " pixels");
  }
  if (header.frames > kMaxFrames) {
    reject("Image has too many frames: " + std::to_string(header.frames) + ", more than " +
           std::to_string(kMaxFrames));
  }
  return header;
}

// Loads, orients and scales in one streaming pass (libvips' thumbnail: shrink-on-load, then resize).
Image thumbnail(std::string_view bytes, bool all_frames, int width, int height, VipsSize size, bool crop) {
  VipsImage* out = nullptr;
  const char* options = all_frames ? "n=-1" : "";
  int failed = crop ? vips().thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &out, width, "height",
                                            height, "size", size, "crop", VIPS_INTERESTING_CENTRE, "option_string",
                                            options, nullptr)
                    : vips().thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &out, width, "height",
                                            height, "size", size, "option_string", options, nullptr);
  if (failed || !out) reject("File could not be processed as an image");
  return Image(out);
}

// Pixels in sRGB whatever the source used (CMYK JPEGs, 16-bit PNGs), so the output is what browsers expect.
Image as_srgb(Image image) {
  const VipsInterpretation now = vips().image_guess_interpretation(image.get());
  if (now == VIPS_INTERPRETATION_sRGB || now == VIPS_INTERPRETATION_B_W) {
    if (vips().image_get_format(image.get()) == VIPS_FORMAT_UCHAR) return image;
  }
  VipsImage* converted = nullptr;
  const VipsInterpretation target = now == VIPS_INTERPRETATION_B_W || now == VIPS_INTERPRETATION_GREY16
                                        ? VIPS_INTERPRETATION_B_W
                                        : VIPS_INTERPRETATION_sRGB;
  if (vips().colourspace(image.get(), &converted, target, nullptr)) reject("File could not be processed as an image");
  Image result(converted);
  if (vips().image_get_format(result.get()) != VIPS_FORMAT_UCHAR) {
    VipsImage* cast = nullptr;
    if (vips().cast_uchar(result.get(), &cast, nullptr)) reject("File could not be processed as an image");
    result.reset(cast);
  }
  return result;
}

// Encodes without any metadata ("strip"): the new file carries pixels and nothing the camera wrote.
EncodedImage encode(VipsImage* image, const std::string& mime) {
  void* buffer = nullptr;
  size_t length = 0;
  int failed = 0;
  EncodedImage out;
  if (mime == "image/png") {
    failed = vips().pngsave_buffer(image, &buffer, &length, "strip", TRUE, "compression", 6, nullptr);
    out.extension = "png";
  } else if (mime == "image/gif") {
    failed = vips().gifsave_buffer(image, &buffer, &length, "strip", TRUE, nullptr);
    out.extension = "gif";
  } else if (mime == "image/webp") {
    failed = vips().webpsave_buffer(image, &buffer, &length, "strip", TRUE, "Q", 85, nullptr);
    out.extension = "webp";
  } else {
    failed = vips().jpegsave_buffer(image, &buffer, &length, "strip", TRUE, "Q", 85, "optimize_coding", TRUE,
                                  "interlace", TRUE, nullptr);
    out.extension = "jpg";
  }
  if (failed || !buffer) reject("File could not be processed as an image");
  out.bytes.assign(static_cast<const char*>(buffer), length);
  vips().g_free(buffer);
  out.mime = mime == "image/png" || mime == "image/gif" || mime == "image/webp" ? mime : "image/jpeg";
  out.width = vips().image_get_width(image);
  out.height = vips().image_get_page_height(image);
  return out;
}

// What the re-encoded file is: the same format for the web's own ones, JPEG (or PNG with transparency) for HEIF
// and AVIF, which browsers show unevenly.
std::string output_mime(const std::string& mime, VipsImage* image) {
  if (mime == "image/jpeg" || mime == "image/png" || mime == "image/gif" || mime == "image/webp") return mime;
  return vips().image_hasalpha(image) ? "image/png" : "image/jpeg";
}

// Decoded pixels held in memory, for an image read twice (encoded, then reduced to a blurhash): a streamed image
// can be read only once. Used only on previews and profile images, a few megabytes at most.
Image in_memory(Image image) {
  VipsImage* copy = vips().image_copy_memory(image.get());
  if (!copy) reject("File could not be processed as an image");
  return Image(copy);
}

// The first frame of an animation, for the preview and the blurhash.
Image first_frame(Image image) {
  const int frame_height = vips().image_get_page_height(image.get());
  if (frame_height == vips().image_get_height(image.get())) return image;
  VipsImage* frame = nullptr;
  if (vips().crop(image.get(), &frame, 0, 0, vips().image_get_width(image.get()), frame_height, nullptr)) {
    reject("File could not be processed as an image");
  }
  return Image(frame);
}

std::string blurhash_of(VipsImage* image) {
  VipsImage* tiny_raw = nullptr;
  if (vips().thumbnail_image(image, &tiny_raw, 32, "height", 32, nullptr)) reject("File could not be processed");
  Image tiny(tiny_raw);
  if (vips().image_hasalpha(tiny.get())) {
    VipsImage* flat = nullptr;
    if (vips().flatten(tiny.get(), &flat, nullptr)) reject("File could not be processed");
    tiny.reset(flat);
  }
  VipsImage* rgb_raw = nullptr;
  if (vips().colourspace(tiny.get(), &rgb_raw, VIPS_INTERPRETATION_sRGB, nullptr)) reject("File could not be processed");
  Image rgb(rgb_raw);
  if (vips().image_get_format(rgb.get()) != VIPS_FORMAT_UCHAR) {
    VipsImage* cast = nullptr;
    if (vips().cast_uchar(rgb.get(), &cast, nullptr)) reject("File could not be processed");
    rgb.reset(cast);
  }
  if (vips().image_get_bands(rgb.get()) > 3) {
    VipsImage* three = nullptr;
    if (vips().extract_band(rgb.get(), &three, 0, "n", 3, nullptr)) reject("File could not be processed");
    rgb.reset(three);
  }
  size_t length = 0;
  void* memory = vips().image_write_to_memory(rgb.get(), &length);
  if (!memory) reject("File could not be processed");
  std::vector<uint8_t> pixels(static_cast<uint8_t*>(memory), static_cast<uint8_t*>(memory) + length);
  vips().g_free(memory);
  return encode_blurhash(pixels, vips().image_get_width(rgb.get()), vips().image_get_height(rgb.get()));
}

// Box for scaling an upright image down to at most kOriginalImagePixels, keeping its shape.
std::pair<int, int> original_box(const Header& header) {
  int width = header.turned ? header.frame_height : header.width;
  int height = header.turned ? header.width : header.frame_height;
  const double pixels = static_cast<double>(width) * height;
  if (pixels > static_cast<double>(kOriginalImagePixels)) {
    const double scale = std::sqrt(static_cast<double>(kOriginalImagePixels) / pixels);
    width = std::max(1, static_cast<int>(std::floor(width * scale)));
    height = std::max(1, static_cast<int>(std::floor(height * scale)));
  }
  return {width, height};
}

// An animated profile image is resized frame by frame, so its cost grows with the frames: the frames read and
// the frames written are each bounded in all (a long animation at the header's 1500x500 is refused sooner than the
// same at 400x400).
void check_animation_size(const Header& header, int width, int height) {
  const int64_t read = static_cast<int64_t>(header.frames) * header.width * header.frame_height;
  const int64_t written = static_cast<int64_t>(header.frames) * width * height;
  if (read > kMaxAnimationPixels || written > kMaxAnimationPixels) {
    reject("Animation is too large: " + std::to_string(header.frames) + " frames of " + std::to_string(header.width) +
           "x" + std::to_string(header.frame_height) + " pixels made " + std::to_string(width) + "x" +
           std::to_string(height) + ", more than the limit of " + std::to_string(kMaxAnimationPixels) +
           " pixels in all");
  }
}

// Every frame scaled (streaming, as one tall strip of frames) to cover width x height, keeping its shape.
Image thumbnail_covering(std::string_view bytes, const Header& header, int width, int height) {
  const double scale = std::max(static_cast<double>(width) / header.width,
                                static_cast<double>(height) / header.frame_height);
  // A pixel of slack in each direction, so rounding never leaves a frame short of the box.
  const int box_width = static_cast<int>(std::ceil(header.width * scale)) + 1;
  const int box_height = static_cast<int>(std::ceil(header.frame_height * scale)) + 1;
  return thumbnail(bytes, true, box_width, box_height, VIPS_SIZE_BOTH, false);
}

// The centre width x height of each frame of the strip, joined again into a strip of frames.
Image cropped_frames(Image strip, int width, int height) {
  const int frame_width = vips().image_get_width(strip.get());
  const int frame_height = vips().image_get_page_height(strip.get());
  const int frames = vips().image_get_height(strip.get()) / frame_height;
  if (frame_width < width || frame_height < height || frames < 1) reject("File could not be processed as an image");
  const int left = (frame_width - width) / 2, top = (frame_height - height) / 2;
  std::vector<Image> crops;
  std::vector<VipsImage*> parts;
  for (int i = 0; i < frames; ++i) {
    VipsImage* crop = nullptr;
    if (vips().crop(strip.get(), &crop, left, i * frame_height + top, width, height, nullptr)) {
      reject("File could not be processed as an image");
    }
    crops.emplace_back(crop);
    parts.push_back(crop);
  }
  VipsImage* joined = nullptr;
  if (vips().arrayjoin(parts.data(), &joined, frames, "across", 1, nullptr)) {
    reject("File could not be processed as an image");
  }
  Image out(joined);
  // The strip's frame height is now the box's; the frame delays and loop count came along from the first crop.
  VipsImage* copy = nullptr;
  if (vips().copy(out.get(), &copy, nullptr)) reject("File could not be processed as an image");
  Image result(copy);
  vips().image_set_int(result.get(), VIPS_META_PAGE_HEIGHT, height);
  return result;
}

}  // namespace

ProcessedImage process_attachment_image(std::string_view bytes, const std::string& mime, int64_t max_pixels) {
  start_vips();
  ImageSlot slot;
  const Header header = read_header(bytes, mime, max_pixels);
  const bool animated = header.frames > 1;
  const auto [box_width, box_height] = original_box(header);

  ProcessedImage result;
  result.animated = animated;
  Image original = as_srgb(thumbnail(bytes, animated, box_width, box_height, VIPS_SIZE_DOWN, false));
  result.original = encode(original.get(), output_mime(mime, original.get()));

  // The preview comes from the re-encoded original: already upright, smaller, and without its metadata.
  Image small_source = in_memory(as_srgb(first_frame(
      thumbnail(result.original.bytes, false, kSmallImageBox, kSmallImageBox, VIPS_SIZE_DOWN, false))));
  const std::string small_mime = vips().image_hasalpha(small_source.get()) ? "image/png" : "image/jpeg";
  result.small = encode(small_source.get(), small_mime);
  result.blurhash = blurhash_of(small_source.get());
  return result;
}

ProcessedImage process_profile_image(std::string_view bytes, const std::string& mime, int64_t max_pixels, int width,
                                     int height) {
  start_vips();
  ImageSlot slot;
  const Header header = read_header(bytes, mime, max_pixels);
  const bool animated = may_animate(mime) && header.frames > 1;
  if (animated) check_animation_size(header, width, height);
  ProcessedImage result;
  // The first frame, still: the whole image when it is not animated, the static version when it is.
  Image still = in_memory(as_srgb(thumbnail(bytes, false, width, height, VIPS_SIZE_BOTH, true)));
  result.blurhash = blurhash_of(still.get());
  if (animated) {
    result.animated = true;
    Image animation = as_srgb(cropped_frames(thumbnail_covering(bytes, header, width, height), width, height));
    result.original = encode(animation.get(), mime);
    result.still = encode(still.get(), "image/png");
    return result;
  }
  const std::string type = mime == "image/gif" ? (vips().image_hasalpha(still.get()) ? "image/png" : "image/jpeg")
                                               : output_mime(mime, still.get());
  result.original = encode(still.get(), type);
  return result;
}

}  // namespace vmst::media
