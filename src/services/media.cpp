#include "services/media.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <tuple>

#include "crypto/encoding.hpp"
#include "crypto/random_bytes.hpp"
#include "media/content_detection.hpp"
#include "media/image_processor.hpp"
#include "media/media_type.hpp"
#include "services/service_error.hpp"
#include "store/ids.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

[[noreturn]] void invalid(const std::string& message) {
  throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: " + message);
}

[[noreturn]] void not_found() { throw ServiceError(ServiceError::Kind::NotFound, "Record not found"); }

// Rails' number_to_human_size, which Mastodon's size messages use: "16 MB", "1.5 KB".
std::string human_size(int64_t bytes) {
  static constexpr const char* kUnits[] = {"Bytes", "KB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes);
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", value);
  return std::string(text) + " " + kUnits[unit];
}

nlohmann::json dimensions(const media::EncodedImage& image) {
  return {{"width", image.width},
          {"height", image.height},
          {"size", std::to_string(image.width) + "x" + std::to_string(image.height)},
          {"aspect", static_cast<double>(image.width) / static_cast<double>(image.height)}};
}

// meta.original / meta.small as Mastodon writes them for images.
nlohmann::json image_meta(const media::ProcessedImage& image) {
  nlohmann::json meta = {{"original", dimensions(image.original)}};
  if (image.small) meta["small"] = dimensions(*image.small);
  return meta;
}

// The detected type of an upload, refused when it is not one we take or not what the client said it was.
media::MediaType checked_type(std::string_view bytes, const std::string& declared, const char* what) {
  auto type = media::detect_media_type(bytes);
  if (!type) {
    invalid(std::string(what) + " content type is invalid (the content is " + media::detect_mime_type(bytes) + ")");
  }
  if (!media::declared_type_agrees(declared, *type)) {
    invalid(std::string(what) + " content does not match its declared type: declared " +
            media::canonical_mime(declared) + ", content is " + type->mime);
  }
  return *type;
}

media::ProcessedImage processed_image(std::string_view bytes, const media::MediaType& type,
                                      const MediaLimits& limits) {
  try {
    return media::process_attachment_image(bytes, type.mime, limits.image_matrix_limit);
  } catch (const media::ImageRejected& e) {
    invalid(e.what());
  }
}

void check_description(const std::optional<std::string>& description) {
  if (description && character_count(*description) > kMediaDescriptionLimit) {
    invalid("Description is too long (maximum is " + std::to_string(kMediaDescriptionLimit) + " characters)");
  }
}

// Checks a thumbnail and names its file next to the original's.
struct CheckedThumbnail {
  std::string_view bytes;
  std::string extension;
};

CheckedThumbnail check_thumbnail(std::string_view bytes, const MediaLimits& limits) {
  // libmagic names a GIF from four bytes; the full signature is checked as well.
  auto type = bytes.empty() ? std::nullopt : media::detect_media_type(bytes);
  auto signature = media::sniff_media_type(bytes);
  if (!type || type->kind != "image" || !signature || signature->mime != type->mime) {
    invalid("Thumbnail content type is invalid");
  }
  if (static_cast<int64_t>(bytes.size()) > limits.image_size_limit) {
    invalid("Thumbnail file size must be less than " + human_size(limits.image_size_limit));
  }
  return {bytes, type->extension};
}

// media_attachments/<id>/<random>/: the random part keeps the URLs of direct-message media unguessable, as ids are
// time-ordered.
std::string media_folder(int64_t id) {
  return "media_attachments/" + std::to_string(id) + "/" + crypto::hex_encode(crypto::random_bytes(12));
}

std::string folder_of(const std::string& path) { return path.substr(0, path.rfind('/')); }

void remove_quietly(const media::MediaStorage& storage, const std::optional<std::string>& path) {
  if (path) storage.remove(*path);
}

store::MediaRecord owned(store::Connection& c, int64_t account_id, int64_t media_id) {
  auto media = store::find_media(c, media_id);
  if (!media || media->account_id != account_id) not_found();
  return *media;
}

}  // namespace

size_t character_count(std::string_view utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;  // every byte that is not a continuation byte
  }));
}

std::pair<double, double> parse_focus(std::string_view text) {
  auto part = [](std::string_view s) {
    std::string copy(s);
    char* end = nullptr;
    double value = std::strtod(copy.c_str(), &end);
    if (end == copy.c_str() || !std::isfinite(value)) return 0.0;
    return std::clamp(value, -1.0, 1.0);
  };
  auto comma = text.find(',');
  if (comma == std::string_view::npos) return {part(text), 0.0};
  return {part(text.substr(0, comma)), part(text.substr(comma + 1))};
}

store::MediaRecord upload_media(store::Database& db, const media::MediaStorage& storage, const MediaLimits& limits,
                                int64_t account_id, const MediaUpload& upload) {
  if (!upload.file || upload.file->empty()) invalid("File can't be blank");
  std::string_view bytes = *upload.file;
  const auto type = checked_type(bytes, upload.declared_type, "File");
  const int64_t limit = type.kind == "image" ? limits.image_size_limit : limits.video_size_limit;
  if (static_cast<int64_t>(bytes.size()) > limit) invalid("File file size must be less than " + human_size(limit));
  check_description(upload.description);
  std::optional<CheckedThumbnail> thumbnail;
  if (upload.thumbnail && !upload.thumbnail->empty()) thumbnail = check_thumbnail(*upload.thumbnail, limits);

  // Images are stored as re-encoded here, never as sent: the sent file may carry GPS coordinates.
  nlohmann::json meta = nlohmann::json::object();
  std::string mime = type.mime, extension = type.extension;
  std::optional<media::ProcessedImage> image;
  if (type.kind == "image") {
    image = processed_image(bytes, type, limits);
    bytes = image->original.bytes;
    mime = image->original.mime;
    extension = image->original.extension;
    meta = image_meta(*image);
    // The preview is ours; a thumbnail sent with an image is not needed (Mastodon takes it only for video/audio).
    if (image->small) thumbnail = CheckedThumbnail{image->small->bytes, image->small->extension};
  }

  const int64_t now = now_millis();
  store::MediaRecord record;
  record.id = store::next_id();
  record.account_id = account_id;
  record.type = type.kind;
  record.state = "ready";
  const std::string folder = media_folder(record.id);
  record.file_path = folder + "/original." + extension;
  record.file_content_type = mime;
  record.file_size = static_cast<int64_t>(bytes.size());
  if (thumbnail) record.thumbnail_path = folder + (image ? "/small." : "/thumbnail.") + thumbnail->extension;
  if (image) record.blurhash = image->blurhash;
  record.description = upload.description;
  if (upload.focus) std::tie(record.focus_x, record.focus_y) = parse_focus(*upload.focus);
  record.meta_json = meta.dump();
  record.created_at = now;
  record.updated_at = now;

  // Files first: a row must never point at a file that is not there. A failed insert removes them again.
  try {
    storage.write(*record.file_path, bytes);
    if (thumbnail) storage.write(*record.thumbnail_path, thumbnail->bytes);
  } catch (const std::runtime_error&) {
    remove_quietly(storage, record.file_path);
    throw ServiceError(ServiceError::Kind::Unavailable, "Error processing thumbnail for uploaded media");
  }
  try {
    db.write([&](store::Connection& c) { store::insert_media(c, record); });
  } catch (...) {
    remove_quietly(storage, record.thumbnail_path);
    remove_quietly(storage, record.file_path);
    throw;
  }
  return record;
}

store::MediaRecord own_unattached_media(store::Database& db, int64_t account_id, int64_t media_id) {
  auto media = db.read([&](store::Connection& c) { return owned(c, account_id, media_id); });
  if (media.status_id) not_found();
  return media;
}

store::MediaRecord update_media(store::Database& db, const media::MediaStorage& storage, const MediaLimits& limits,
                                int64_t account_id, int64_t media_id, const MediaChange& change) {
  auto current = own_unattached_media(db, account_id, media_id);
  check_description(change.description);
  std::optional<CheckedThumbnail> thumbnail;
  if (change.thumbnail && !change.thumbnail->empty()) thumbnail = check_thumbnail(*change.thumbnail, limits);

  std::optional<std::string> thumbnail_path;
  if (thumbnail) {
    // A new name each time: the old URL may be cached (files are served as immutable).
    const std::string folder = current.file_path ? folder_of(*current.file_path) : media_folder(current.id);
    thumbnail_path = folder + "/thumbnail-" + crypto::hex_encode(crypto::random_bytes(4)) + "." + thumbnail->extension;
    try {
      storage.write(*thumbnail_path, thumbnail->bytes);
    } catch (const std::runtime_error&) {
      throw ServiceError(ServiceError::Kind::Unavailable, "Error processing thumbnail for uploaded media");
    }
  }
  std::optional<std::pair<double, double>> focus;
  if (change.focus) focus = parse_focus(*change.focus);

  store::MediaRecord updated;
  try {
    updated = db.write([&](store::Connection& c) {
      auto media = owned(c, account_id, media_id);
      if (media.status_id) not_found();  // attached since it was read
      const int64_t now = now_millis();
      store::update_media_description(c, media_id, change.description, focus, now);
      if (thumbnail_path) store::set_media_thumbnail(c, media_id, *thumbnail_path, now);
      return owned(c, account_id, media_id);
    });
  } catch (...) {
    remove_quietly(storage, thumbnail_path);
    throw;
  }
  if (thumbnail_path && current.thumbnail_path && current.thumbnail_path != updated.thumbnail_path) {
    storage.remove(*current.thumbnail_path);
  }
  return updated;
}

void delete_media(store::Database& db, const media::MediaStorage& storage, int64_t account_id, int64_t media_id) {
  auto removed = db.write([&](store::Connection& c) {
    auto media = owned(c, account_id, media_id);
    if (media.status_id) {
      throw ServiceError(ServiceError::Kind::Invalid, "Media attachment is currently used by a status");
    }
    store::delete_media(c, media_id);
    return media;
  });
  remove_quietly(storage, removed.thumbnail_path);
  remove_quietly(storage, removed.file_path);
}

}  // namespace vmst::services
