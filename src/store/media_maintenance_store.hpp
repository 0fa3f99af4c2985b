#pragma once
// SQL for looking after the media folder: which files the database points at, by what they are for, and the
// cached copies of remote media that can be let go.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

enum class MediaFileUse {
  LocalAttachment,  // uploads of local accounts (attached or waiting for a status)
  RemoteCache,      // local copies of remote media: attachments, avatars and headers, custom emoji
  ProfileImage,     // local accounts' avatars and headers
  CustomEmoji,      // this server's own emoji
};

struct StoredMediaFile {
  MediaFileUse use;
  std::string path;  // relative to the media folder
};

// Every file path the database holds, with its use.
std::vector<StoredMediaFile> stored_media_files(Connection& c);

struct CachedRemoteMedia {
  int64_t id = 0;
  std::optional<std::string> file_path, thumbnail_path;
};

// Remote accounts' attachments created before `cutoff` that still have a local file, oldest first. Rows used as an
// avatar or header are left out.
std::vector<CachedRemoteMedia> cached_remote_media_before(Connection& c, int64_t cutoff);

// Forgets the local copy: the API then hands out the media proxy URL, which fetches it again.
void forget_cached_media_files(Connection& c, int64_t id, int64_t now);

}  // namespace vmst::store
