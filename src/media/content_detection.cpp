#include "media/content_detection.hpp"

#include <magic.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <stdexcept>

#include "media/vips_runtime.hpp"
#include "text/trim.hpp"

namespace vmst::media {

namespace {

// A magic_t is not safe to share between threads; one cookie behind a lock is enough for upload rates.
class MagicCookie {
 public:
  MagicCookie() : cookie_(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) {
    if (!cookie_) throw std::runtime_error("libmagic: cannot open");
    if (magic_load(cookie_, nullptr) != 0) {
      std::string why = magic_error(cookie_) ? magic_error(cookie_) : "unknown error";
      magic_close(cookie_);
      throw std::runtime_error("libmagic: cannot load its database: " + why);
    }
  }
  ~MagicCookie() { magic_close(cookie_); }
  MagicCookie(const MagicCookie&) = delete;
  MagicCookie& operator=(const MagicCookie&) = delete;

  std::string mime(std::string_view bytes) {
    std::lock_guard lock(mutex_);
    const char* found = magic_buffer(cookie_, bytes.data(), bytes.size());
    return found ? found : "application/octet-stream";
  }

 private:
  magic_t cookie_;
  std::mutex mutex_;
};

MagicCookie& cookie() {
  static MagicCookie instance;
  return instance;
}

struct Known {
  std::string_view libmagic;  // as libmagic names it
  MediaType type;
};

const std::array<Known, 17>& known_types() {
  static const std::array<Known, 17> types = {{
      {"image/jpeg", {"image/jpeg", "image", "jpg"}},
      {"image/png", {"image/png", "image", "png"}},
      {"image/gif", {"image/gif", "image", "gif"}},
      {"image/webp", {"image/webp", "image", "webp"}},
      {"image/heic", {"image/heic", "image", "heic"}},
      {"image/heif", {"image/heif", "image", "heif"}},
      {"image/avif", {"image/avif", "image", "avif"}},
      {"video/mp4", {"video/mp4", "video", "mp4"}},
      {"video/webm", {"video/webm", "video", "webm"}},
      {"video/quicktime", {"video/quicktime", "video", "mov"}},
      {"audio/mpeg", {"audio/mpeg", "audio", "mp3"}},
      {"audio/ogg", {"audio/ogg", "audio", "ogg"}},
      {"audio/x-wav", {"audio/wav", "audio", "wav"}},
      {"audio/wav", {"audio/wav", "audio", "wav"}},
      {"audio/flac", {"audio/flac", "audio", "flac"}},
      {"audio/x-m4a", {"audio/mp4", "audio", "m4a"}},
      {"audio/mp4", {"audio/mp4", "audio", "m4a"}},
  }};
  return types;
}

bool vips_reads_heif() {
  static const bool reads = vips_has_operation("heifload_buffer");
  return reads;
}

// What the instance document advertises. It must not open libvips (every client asks for it, and libvips is opened
// only for images): until an image has opened it, an installed HEIF module is taken to read HEIF, as it does unless
// the install is broken, in which case an upload is then refused as an unsupported type.
bool heif_advertised() { return vips_started() ? vips_reads_heif() : vips_heif_module_installed(); }

}  // namespace

std::string detect_mime_type(std::string_view bytes) {
  if (bytes.empty()) return "application/x-empty";
  return cookie().mime(bytes);
}

std::optional<MediaType> detect_media_type(std::string_view bytes) {
  std::string mime = detect_mime_type(bytes);
  // An Ogg file libmagic cannot see into more closely is still what the audio loaders take.
  if (mime == "application/ogg") mime = "audio/ogg";
  for (const auto& known : known_types()) {
    if (known.libmagic != mime) continue;
    const bool heif_family = known.type.extension == "heic" || known.type.extension == "heif" ||
                             known.type.extension == "avif";
    if (heif_family && !vips_reads_heif()) return std::nullopt;
    return known.type;
  }
  // Matroska that libmagic does not call WebM is still played by browsers only when it is WebM: not accepted.
  return std::nullopt;
}

std::string canonical_mime(std::string_view declared) {
  std::string mime(text::trim(declared.substr(0, declared.find(';')), text::kAsciiWhitespace));
  std::transform(mime.begin(), mime.end(), mime.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (mime == "image/jpg" || mime == "image/pjpeg") return "image/jpeg";
  if (mime == "audio/mp3" || mime == "audio/mpeg3") return "audio/mpeg";
  if (mime == "audio/x-wav" || mime == "audio/wave" || mime == "audio/vnd.wave") return "audio/wav";
  if (mime == "audio/vorbis" || mime == "application/ogg") return "audio/ogg";
  if (mime == "audio/x-m4a") return "audio/mp4";
  return mime;
}

bool declared_type_agrees(std::string_view declared, const MediaType& detected) {
  const std::string mime = canonical_mime(declared);
  if (mime.empty() || mime == "application/octet-stream") return true;
  if (detected.kind == "image") {
    if (mime == detected.mime) return true;
    // HEIF and HEIC are one container; phones label either way.
    const auto heif = [](const std::string& m) { return m == "image/heic" || m == "image/heif"; };
    return heif(mime) && heif(detected.mime);
  }
  return mime.starts_with("video/") || mime.starts_with("audio/");
}

std::vector<std::string> accepted_mime_types() {
  std::vector<std::string> types;
  auto add = [&types](const std::string& mime) {
    if (std::find(types.begin(), types.end(), mime) == types.end()) types.push_back(mime);
  };
  for (const auto& known : known_types()) {
    const bool heif_family = known.type.extension == "heic" || known.type.extension == "heif" ||
                             known.type.extension == "avif";
    if (heif_family && !heif_advertised()) continue;
    add(known.type.mime);
  }
  for (const char* alias : {"audio/mp3", "audio/vorbis", "audio/x-wav", "audio/wave", "audio/vnd.wave", "audio/x-m4a"}) {
    add(alias);
  }
  return types;
}

}  // namespace vmst::media
