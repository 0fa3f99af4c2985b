#pragma once
// The remote media cache: local copies of other servers' files (attachments of remote posts, avatars and headers
// of remote accounts, remote custom emoji), so that clients load them from us and the origin is asked once.
//
// A copy is fetched through the SSRF-safe fetcher within size and time limits, its type is read from its bytes
// (anything that is not media is refused), images are re-encoded like uploads (metadata stripped, a preview, a
// blurhash when the origin sent none, true dimensions), and the files go under <data_dir>/media/cache/ with
// unguessable names. Nothing is ever fetched from a domain blocked with reject_media, a suspended one, or one
// outside the allow list.
//
// These functions run on the caller's thread and block it for the fetch: the server calls them from the
// RemoteMediaQueue's workers (remote_media_queue.hpp), never from the inbox or a client request.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "media/media_storage.hpp"
#include "net/http_fetcher.hpp"
#include "services/remote_media_queue.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/remote_media_store.hpp"

namespace vmst::services {

struct RemoteMediaLimits {
  int64_t max_bytes = 0;           // any remote attachment
  int64_t image_size_limit = 0;    // remote images, as uploads
  int64_t video_size_limit = 0;    // remote video and audio, as uploads
  int64_t image_matrix_limit = 0;  // pixels of one frame
  int timeout_seconds = 30;
};

// Seconds allowed per connect and per read of a remote file.
inline constexpr int kRemoteFetchTimeoutSeconds = 30;

// Mastodon's limits for remote avatars and headers, and for emoji.
inline constexpr int64_t kRemoteProfileImageBytes = 2 * 1024 * 1024;
inline constexpr int64_t kRemoteEmojiBytes = 256 * 1024;

struct RemoteMediaEnv {
  store::Database& db;
  const media::MediaStorage& storage;
  net::NetPolicy policy;
  RemoteMediaLimits limits;
  // The queue's memory of failing URLs (null: none): a URL in back-off is not fetched, and each fetch updates it.
  RecentFetchFailures* failures = nullptr;
};

enum class CopyOutcome {
  Copied,
  AlreadyCopied,  // nothing to do
  Refused,        // by policy (reject_media, suspended) or by content (not media, too large, bad image)
  Failed,         // the fetch failed or the origin answered an error (or did lately): a later request may try again
  Gone,           // no such row (or no remote URL), or it changed while we fetched
};

struct CopyResult {
  CopyOutcome outcome = CopyOutcome::Failed;
  std::string reason;  // for the log
};

// Why nothing may be fetched for an account of `account_domain` from `url`: a reject_media block on the domain,
// or federation refused with the domain or with the URL's host (suspended, or not on the allow list).
// nullopt when fetching is allowed.
std::optional<std::string> remote_media_refusal(store::Connection& c, const std::string& account_domain,
                                                const std::string& url);

// Makes the local copy the job names (see RemoteMediaJob). Never throws for a remote problem; throws only when
// the database or the disk fails.
CopyResult copy_remote_media(const RemoteMediaEnv& env, const RemoteMediaJob& job);

// What is not copied yet: the attachments of a status just stored, its author's avatar and header, and the newest
// emoji of the author's server.
std::vector<RemoteMediaJob> uncached_media_of_status(store::Database& db, int64_t status_id);
// A remote account's avatar and header when they have no copy here (nothing for a local account).
std::vector<RemoteMediaJob> uncached_profile_images(const store::AccountRecord& account);

// A remote attachment as /media_proxy may show it to anyone: nullopt for an unknown id, a local upload, an
// attachment of no status, or one whose status is not public or unlisted (its media is for its audience only,
// which the proxy cannot tell apart from strangers).
std::optional<store::RemoteMediaSource> publicly_proxied_media(store::Database& db, int64_t media_id);

}  // namespace vmst::services
