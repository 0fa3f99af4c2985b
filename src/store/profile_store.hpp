#pragma once
// SQL for what a local user edits about themselves: the profile columns of their account, profile images, and
// the settings and role kept on their users row.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace vmst::store {

struct ProfileRow {
  std::string display_name;
  std::string note;         // HTML
  std::string note_source;  // as typed
  std::string fields_json;  // [{"name","value"(HTML),"value_source","verified_at"}]
  bool locked = false, bot = false, discoverable = false, hide_collections = false, indexable = false;
};

void update_profile(Connection& c, int64_t account_id, const ProfileRow& profile, int64_t now);

// Points the account's avatar or header at a stored media row (or at none); the previous media row is deleted
// and its file path returned, if there was one.
enum class ProfileImage { Avatar, Header };
std::optional<std::string> set_profile_image(Connection& c, int64_t account_id, ProfileImage which,
                                             std::optional<int64_t> media_id, int64_t now);

struct UserRow {
  int64_t user_id = 0;
  std::string role;           // user | moderator | admin
  std::string settings_json;  // {"default_privacy", "default_sensitive", "default_language", ...}
};

std::optional<UserRow> find_user_of_account(Connection& c, int64_t account_id);
void update_user_settings(Connection& c, int64_t user_id, const std::string& settings_json, int64_t now);

}  // namespace vmst::store
