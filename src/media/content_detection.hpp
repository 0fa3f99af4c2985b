#pragma once
// What a file is, from its content, as libmagic (the `file` command's library) reads it. An upload's type is this
// and never the name or the Content-Type the client sent.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "media/media_type.hpp"

namespace vmst::media {

// libmagic's MIME type for the bytes ("image/png", "text/html", "application/octet-stream").
std::string detect_mime_type(std::string_view bytes);

// The accepted media type for the bytes: JPEG, PNG, GIF, WebP (and HEIC/AVIF when libvips reads them) as images,
// MP4, WebM and QuickTime as video, MP3, Ogg, WAV, FLAC and M4A as audio. nullopt for anything else.
std::optional<MediaType> detect_media_type(std::string_view bytes);

// A declared Content-Type in the spelling detect_media_type uses ("image/jpg" -> "image/jpeg", "audio/mp3" ->
// "audio/mpeg"), without parameters and lower-cased.
std::string canonical_mime(std::string_view declared);

// Whether a client's declared type agrees with the detected one. An empty or generic declaration
// (application/octet-stream) agrees with anything; an image must be declared as that very image type; video and
// audio only as video or audio (containers hold either, and clients label them loosely).
bool declared_type_agrees(std::string_view declared, const MediaType& detected);

// The MIME types clients may upload (Instance configuration.media_attachments.supported_mime_types): every type
// detect_media_type accepts here and the aliases clients label the same files with.
std::vector<std::string> accepted_mime_types();

}  // namespace vmst::media
