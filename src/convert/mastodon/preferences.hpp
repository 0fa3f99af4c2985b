#pragma once
// Preferences (GET /api/v1/preferences): a user's posting defaults and reading choices, under Mastodon's
// colon-separated keys.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace vmst::convert::mastodon {

struct UserPreferences {
  std::string default_visibility = "public";  // public | unlisted | private | direct
  bool default_sensitive = false;
  std::optional<std::string> default_language;
  std::string expand_media = "default";  // default | show_all | hide_all
  bool expand_spoilers = false;
};

nlohmann::json preferences_json(const UserPreferences& preferences);

}  // namespace vmst::convert::mastodon
