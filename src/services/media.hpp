#pragma once
// Media uploads: the rules Mastodon applies (type from the bytes, size limits per kind, description length, focal
// point), the file on disk and the row in one step. Processing is synchronous: an upload is ready (has its `url`)
// when this returns, which spares clients the polling that trips Tusky and masto.js (client-api.md §5.7).
//
// Unattached uploads are kept until a status takes them; pruning the ones older than a day is left to the
// background jobs of the media issue (store has the index media_attachments_unattached for it).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "media/media_storage.hpp"
#include "store/database.hpp"
#include "store/media_store.hpp"

namespace vmst::services {

struct MediaLimits {
  int64_t image_size_limit = 0;    // bytes
  int64_t video_size_limit = 0;    // bytes, video and audio
  int64_t image_matrix_limit = 0;  // pixels (width x height of one frame), read from the header before decoding
};

inline constexpr size_t kMediaDescriptionLimit = 1500;  // characters, Mastodon's MAX_DESCRIPTION_LENGTH

struct MediaUpload {
  std::optional<std::string_view> file;       // nullopt when the form had no `file`
  std::string declared_type;                  // the Content-Type of the file part ("" when none was sent)
  std::optional<std::string_view> thumbnail;  // a preview image for video and audio
  std::optional<std::string> description;
  std::optional<std::string> focus;  // "x,y"
};

struct MediaChange {
  std::optional<std::string_view> thumbnail;
  std::optional<std::string> description;
  std::optional<std::string> focus;
};

// Stores the file and returns the ready attachment. Images are re-encoded (media/image_processor: upright, no
// metadata, a small preview kept as the thumbnail, blurhash and sizes in meta); video and audio are stored as sent.
// ServiceError(Invalid) with Mastodon's messages for a missing, unrecognised or oversized file, a bad thumbnail or a
// description over the limit, and with our own for content that is not what the client declared or an image over
// the pixel limit.
store::MediaRecord upload_media(store::Database& db, const media::MediaStorage& storage, const MediaLimits& limits,
                                int64_t account_id, const MediaUpload& upload);

// The account's own attachment that no status uses yet; anything else is NotFound (as in Mastodon, which does not
// reveal other people's uploads).
store::MediaRecord own_unattached_media(store::Database& db, int64_t account_id, int64_t media_id);

store::MediaRecord update_media(store::Database& db, const media::MediaStorage& storage, const MediaLimits& limits,
                                int64_t account_id, int64_t media_id, const MediaChange& change);

// Deletes an unattached upload and its files. An attached one is Invalid ("currently used by a status").
void delete_media(store::Database& db, const media::MediaStorage& storage, int64_t account_id, int64_t media_id);

// "0.5,-0.25" -> (0.5, -0.25). Like Mastodon, a part that is not a number counts as 0; values are clamped to
// [-1, 1], the range clients draw.
std::pair<double, double> parse_focus(std::string_view text);

// Unicode characters in UTF-8 text (what Mastodon's length limits count).
size_t character_count(std::string_view utf8);

}  // namespace vmst::services
