#pragma once
// SQL for the remote media cache: which remote attachments still lack a local copy, where one came from, and
// recording the copy once it is on disk.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

// A remote account's attachment, with what deciding whether (and how) to copy it needs.
struct RemoteMediaSource {
  int64_t id = 0;
  std::string account_domain;            // the author's server, for reject_media and suspensions
  std::optional<std::string> remote_url;
  std::optional<std::string> file_path, thumbnail_path;  // set once cached
  std::string type;                      // image | gifv | video | audio | unknown
  std::optional<std::string> blurhash;
  std::optional<std::string> status_visibility;  // nullopt while attached to no status
};

// nullopt for an unknown id or a local account's upload.
std::optional<RemoteMediaSource> find_remote_media_source(Connection& c, int64_t media_id);

// The status's remote attachments that have an origin URL and no local copy yet, in order.
std::vector<int64_t> uncached_remote_media_of_status(Connection& c, int64_t status_id);

struct CachedMediaFiles {
  std::string file_path;
  std::optional<std::string> thumbnail_path;
  std::string content_type;
  int64_t file_size = 0;
  std::string type;  // from the content
  std::optional<std::string> blurhash;
  std::string meta_json;
};

// Points the attachment at its local copy. False (and nothing changed) when the row is gone or was cached
// meanwhile: the caller then removes the files it wrote.
bool record_cached_media_files(Connection& c, int64_t media_id, const CachedMediaFiles& files, int64_t now);

// --- Avatars and headers of remote accounts --------------------------------------------------------------------
// A copy is a media_attachments row of the account (no status) that accounts.avatar_media_id / header_media_id
// names, as for local uploads; the account converter then shows it. When the actor's image URL changes the link
// is dropped (upsert_remote_account), and the old row becomes an unattached remote file that `vmst media prune`
// removes.

struct RemoteProfileImage {
  int64_t account_id = 0;
  std::string account_domain;
  std::optional<std::string> remote_url;  // the actor's icon / image
  bool cached = false;                    // a linked row with a file
};

// nullopt for an unknown id or a local account.
std::optional<RemoteProfileImage> find_remote_profile_image(Connection& c, int64_t account_id, bool header);

// Links the stored copy (a row already inserted) as the avatar or header, if the actor still has the image at
// `remote_url`. False when it has moved on or is gone: the caller deletes the row and its files.
bool link_remote_profile_image(Connection& c, int64_t account_id, bool header, const std::string& remote_url,
                               int64_t media_id);

// --- Remote custom emoji -----------------------------------------------------------------------------------------

struct RemoteEmojiSource {
  int64_t id = 0;
  std::string domain;
  std::optional<std::string> remote_url;
  bool cached = false;
};

std::optional<RemoteEmojiSource> find_remote_emoji_source(Connection& c, int64_t emoji_id);

// The domain's emoji without a local copy, most recently updated first.
std::vector<int64_t> uncached_remote_emojis(Connection& c, const std::string& domain, int limit);

// Records the copy if the emoji still has the image at `remote_url` and none yet. False otherwise.
bool record_cached_emoji_image(Connection& c, int64_t emoji_id, const std::string& remote_url,
                               const std::string& image_path, const std::string& content_type);

}  // namespace vmst::store
