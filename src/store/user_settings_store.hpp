#pragma once
// SQL for users.settings, the JSON object of a user's posting defaults and client preferences. Keys (all optional,
// named as Mastodon names its user settings): "default_privacy" (public|unlisted|private|direct),
// "default_sensitive" (bool), "default_language" (ISO 639-1 or null), "display_media" (default|show_all|hide_all),
// "expand_spoilers" (bool).
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace vmst::store {

// The settings JSON of the local user owning the account; nullopt for accounts without a user.
std::optional<std::string> user_settings_json(Connection& c, int64_t account_id);

}  // namespace vmst::store
