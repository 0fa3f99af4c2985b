#pragma once
// A local user's own account: what verify_credentials shows and what update_credentials may change, with
// Mastodon's limits, and the Update of the actor that tells followers' servers about the change.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "convert/mastodon/account.hpp"
#include "federation/local_urls.hpp"
#include "services/outbox.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/profile_store.hpp"

namespace vmst::services {

inline constexpr size_t kDisplayNameLimit = 30;
inline constexpr size_t kNoteLimit = 500;
inline constexpr size_t kMaxProfileFields = 4;
inline constexpr size_t kProfileFieldLimit = 255;
inline constexpr size_t kProfileImageLimit = 8 * 1024 * 1024;
inline constexpr int kAvatarSize = 400;                    // avatars are cropped to 400x400, as Mastodon's
inline constexpr int kHeaderWidth = 1500, kHeaderHeight = 500;
inline constexpr int64_t kProfileImageMaxPixels = 33177600;  // as media.image_matrix_limit's default

struct ImageUpload {
  std::string content_type;  // as the client declared it (may be empty)
  std::string bytes;
};

// Fields left unset keep their value.
struct ProfileUpdate {
  std::optional<std::string> display_name;
  std::optional<std::string> note;  // plain text, rendered to HTML
  std::optional<bool> locked, bot, discoverable, hide_collections, indexable;
  std::optional<std::vector<std::pair<std::string, std::string>>> fields;  // replaces every field when set
  std::optional<std::string> privacy;                // public | unlisted | private
  std::optional<bool> sensitive;
  std::optional<std::string> language;               // ISO 639 code; "" clears it
  std::optional<ImageUpload> avatar, header;
};

struct CredentialView {
  store::AccountRecord account;
  convert::mastodon::AccountSource source;
};

// The owner's view of their account. ServiceError NotFound when it is not a local user's.
CredentialView credential_view(store::Connection& c, int64_t account_id);

struct ProfileEnvironment {
  store::Database& db;
  const federation::LocalUrls& urls;
  std::string domain;                  // the instance domain, for the actor document
  std::filesystem::path media_root;    // <data_dir>/media
};

// Validates everything first (ServiceError Invalid, Mastodon's "Validation failed: ..." messages), stores
// uploaded images under media_root, applies the change in one transaction that also queues an Update of the actor
// for the remote followers' (shared) inboxes, and returns the new view.
CredentialView update_profile(const ProfileEnvironment& env, Outbox& outbox, int64_t account_id,
                              const ProfileUpdate& update, int64_t now);

// DELETE /api/v1/profile/avatar and /header: back to the default image (its file removed), followers told with
// an Update as for any profile change.
CredentialView remove_profile_image(const ProfileEnvironment& env, Outbox& outbox, int64_t account_id,
                                    store::ProfileImage which, int64_t now);

// "image/png", "image/jpeg", "image/gif" or "image/webp" from the first bytes; "" for anything else.
std::string sniff_image_type(std::string_view bytes);

}  // namespace vmst::services
