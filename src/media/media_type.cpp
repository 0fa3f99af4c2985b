#include "media/media_type.hpp"

namespace vmst::media {

namespace {

bool starts_with(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

bool at(std::string_view bytes, size_t offset, std::string_view magic) {
  return bytes.size() >= offset + magic.size() && bytes.substr(offset, magic.size()) == magic;
}

// An MPEG audio frame header: 11 sync bits, then a version, layer and bitrate that are not the reserved values.
bool mpeg_audio_frame(std::string_view bytes) {
  if (bytes.size() < 4) return false;
  auto b1 = static_cast<unsigned char>(bytes[1]);
  auto b2 = static_cast<unsigned char>(bytes[2]);
  if (static_cast<unsigned char>(bytes[0]) != 0xFF || (b1 & 0xE0) != 0xE0) return false;
  const int version = (b1 >> 3) & 3, layer = (b1 >> 1) & 3, bitrate = b2 >> 4, rate = (b2 >> 2) & 3;
  return version != 1 && layer != 0 && bitrate != 15 && rate != 3;
}

// WebM is Matroska with the DocType "webm"; the EBML header that names it comes first and is short.
bool webm(std::string_view bytes) {
  return starts_with(bytes, "\x1A\x45\xDF\xA3") && bytes.substr(0, 64).find("webm") != std::string_view::npos;
}

}  // namespace

std::optional<MediaType> sniff_media_type(std::string_view bytes) {
  if (starts_with(bytes, "\x89PNG\r\n\x1A\n")) return MediaType{"image/png", "image", "png"};
  if (starts_with(bytes, "\xFF\xD8\xFF")) return MediaType{"image/jpeg", "image", "jpg"};
  if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) return MediaType{"image/gif", "image", "gif"};
  if (starts_with(bytes, "RIFF") && at(bytes, 8, "WEBP")) return MediaType{"image/webp", "image", "webp"};
  if (starts_with(bytes, "RIFF") && at(bytes, 8, "WAVE")) return MediaType{"audio/wav", "audio", "wav"};
  // ISO base media: a first box of type "ftyp". Audio-only brands (M4A) are not on the list Mastodon serves as audio
  // without transcoding, so every ftyp file is taken as MP4 video.
  if (at(bytes, 4, "ftyp")) return MediaType{"video/mp4", "video", "mp4"};
  if (webm(bytes)) return MediaType{"video/webm", "video", "webm"};
  if (starts_with(bytes, "OggS")) return MediaType{"audio/ogg", "audio", "ogg"};
  if (starts_with(bytes, "ID3") || mpeg_audio_frame(bytes)) return MediaType{"audio/mpeg", "audio", "mp3"};
  return std::nullopt;
}

const std::vector<std::string>& supported_mime_types() {
  static const std::vector<std::string> types = {
      "image/jpeg", "image/png",  "image/gif",   "image/webp",  "video/webm",     "video/mp4",
      "audio/mpeg", "audio/mp3",  "audio/ogg",   "audio/vorbis", "audio/wav",     "audio/wave",
      "audio/x-wav", "audio/vnd.wave",
  };
  return types;
}

}  // namespace vmst::media
