#pragma once
// A user's preferences, read from users.settings (keys in store/user_settings_store.hpp). Unknown or malformed
// values fall back to Mastodon's defaults rather than failing: clients call this at every start (Ivory required it).
#include <cstdint>
#include <string>

#include "convert/mastodon/preferences.hpp"
#include "store/database.hpp"

namespace vmst::services {

convert::mastodon::UserPreferences parse_preferences(const std::string& settings_json);

convert::mastodon::UserPreferences load_preferences(store::Database& db, int64_t account_id);

}  // namespace vmst::services
