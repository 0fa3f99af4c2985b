#include "services/preferences.hpp"

#include <nlohmann/json.hpp>

#include "store/user_settings_store.hpp"

namespace vmst::services {

namespace {

std::optional<std::string> one_of(const nlohmann::json& settings, const char* key,
                                  std::initializer_list<const char*> allowed) {
  auto it = settings.find(key);
  if (it == settings.end() || !it->is_string()) return std::nullopt;
  for (const char* value : allowed) {
    if (it->get<std::string>() == value) return std::string(value);
  }
  return std::nullopt;
}

bool flag(const nlohmann::json& settings, const char* key, bool fallback) {
  auto it = settings.find(key);
  return it != settings.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

}  // namespace

convert::mastodon::UserPreferences parse_preferences(const std::string& settings_json) {
  convert::mastodon::UserPreferences p;
  auto settings = nlohmann::json::parse(settings_json, nullptr, false);
  if (!settings.is_object()) return p;
  if (auto v = one_of(settings, "default_privacy", {"public", "unlisted", "private", "direct"})) p.default_visibility = *v;
  p.default_sensitive = flag(settings, "default_sensitive", false);
  if (auto it = settings.find("default_language"); it != settings.end() && it->is_string() && !it->get<std::string>().empty()) {
    p.default_language = it->get<std::string>();
  }
  if (auto v = one_of(settings, "display_media", {"default", "show_all", "hide_all"})) p.expand_media = *v;
  p.expand_spoilers = flag(settings, "expand_spoilers", false);
  return p;
}

convert::mastodon::UserPreferences load_preferences(store::Database& db, int64_t account_id) {
  auto json = db.read([&](store::Connection& c) { return store::user_settings_json(c, account_id); });
  return parse_preferences(json.value_or("{}"));
}

}  // namespace vmst::services
