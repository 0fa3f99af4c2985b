#pragma once
// What an uploaded file is, decided from its first bytes and never from the name or the Content-Type the client
// sent (both are whatever the client says; a "photo.png" that is an HTML page must not be served as one).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vmst::media {

struct MediaType {
  std::string mime;       // "image/png"
  std::string kind;       // Mastodon's MediaAttachment.type: image | video | audio
  std::string extension;  // "png", for the stored file's name
};

// nullopt for anything that is not one of the formats below.
// Images: PNG, JPEG, GIF, WebP. Video: MP4 (ISO base media), WebM. Audio: MP3, Ogg, WAV.
std::optional<MediaType> sniff_media_type(std::string_view bytes);

// The MIME types clients may upload (Instance configuration.media_attachments.supported_mime_types): the ones
// sniff_media_type returns and the aliases clients label the same files with.
const std::vector<std::string>& supported_mime_types();

}  // namespace vmst::media
