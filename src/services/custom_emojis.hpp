#pragma once
// The admin's custom emoji (tootctl emoji add/import/export/remove/copy): images checked from their bytes, files in
// the media folder under custom_emojis/, one database row each. Every change is one transaction; a file written
// for a change that then fails is removed again.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "media/emoji_pack.hpp"
#include "media/media_storage.hpp"
#include "media/media_type.hpp"
#include "net/http_fetcher.hpp"
#include "store/custom_emoji_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

// Mastodon's CustomEmoji::LOCAL_LIMIT.
inline constexpr std::size_t kEmojiSizeLimit = 256 * 1024;

// Throws ServiceError(Invalid) naming the shortcode and the rule it breaks.
void validate_emoji_shortcode(const std::string& shortcode);

// The image's type when it is a PNG, GIF or WebP of at most kEmojiSizeLimit bytes, judged from its bytes; else
// throws ServiceError(Invalid) naming `what` (the file) and the problem.
media::MediaType emoji_image_type(std::string_view bytes, const std::string& what);

struct NewLocalEmoji {
  std::string shortcode;
  std::string bytes;
  std::string source;  // the file it came from, for messages
  std::optional<std::string> category;
  bool overwrite = false;
};

// Adds (or with overwrite, replaces the image and category of) a local emoji. Throws ServiceError: Invalid for a
// bad shortcode or image, Conflict when the shortcode is taken and overwrite is off.
store::CustomEmojiRecord add_local_emoji(store::Database& db, const media::MediaStorage& storage,
                                         const NewLocalEmoji& emoji);

struct PackImportOptions {
  std::optional<std::string> category;
  bool overwrite = false;
  std::string prefix, suffix;  // around each file's base name, as tootctl's --prefix and --suffix
};

struct PackImportResult {
  int imported = 0;
  int skipped = 0;                     // the shortcode exists and overwrite is off
  int ignored = 0;                     // not a PNG, GIF or WebP file (READMEs, licences, folders' metadata)
  std::vector<std::string> failures;   // "name: reason", for files that are images but could not be imported
};

// Each image in the pack becomes the emoji named by its file's base name (without folders and extension).
PackImportResult import_emoji_pack(store::Database& db, const media::MediaStorage& storage,
                                   const std::vector<media::PackEntry>& entries, const PackImportOptions& options);

// The local emoji as pack entries named shortcode.extension, which import_emoji_pack reads back.
std::vector<media::PackEntry> export_emoji_pack(store::Database& db, const media::MediaStorage& storage);

// Throws ServiceError(NotFound) when there is no local emoji by that shortcode.
void remove_local_emoji(store::Database& db, const media::MediaStorage& storage, const std::string& shortcode);

// Makes a local emoji of a remote one already seen (shortcode@domain): its cached image, or its image fetched from
// the remote URL through `policy`. Throws ServiceError: NotFound when never seen, Unavailable when the fetch fails,
// Invalid/Conflict as add_local_emoji.
store::CustomEmojiRecord copy_remote_emoji(store::Database& db, const media::MediaStorage& storage,
                                           const net::NetPolicy& policy, const std::string& shortcode,
                                           const std::string& domain, bool overwrite);

}  // namespace vmst::services
