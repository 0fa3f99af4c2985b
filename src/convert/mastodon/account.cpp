#include "convert/mastodon/account.hpp"

#include "convert/mastodon/custom_emoji.hpp"
#include "convert/mastodon/render_fingerprints.hpp"
#include "media/profile_image_files.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::mastodon {

namespace {

constexpr int64_t kDayMillis = 86'400'000;

nlohmann::json parse_array(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  return parsed.is_array() ? parsed : nlohmann::json::array();
}

// Mastodon shows a suspended account as an empty shell: no name, bio, fields or pictures.
std::string avatar_url(const store::AccountRecord& a, const federation::LocalUrls& urls) {
  if (a.suspended_at) return urls.default_avatar();
  if (a.avatar_file_path) return urls.media_file(*a.avatar_file_path);
  if (a.avatar_remote_url && !a.avatar_remote_url->empty()) return *a.avatar_remote_url;
  return urls.default_avatar();
}

std::string header_url(const store::AccountRecord& a, const federation::LocalUrls& urls) {
  if (a.suspended_at) return urls.default_header();
  if (a.header_file_path) return urls.media_file(*a.header_file_path);
  if (a.header_remote_url && !a.header_remote_url->empty()) return *a.header_remote_url;
  return urls.default_header();
}

// The still version clients show when animation is off: the first frame beside an animated upload.
std::string still_url(const std::string& url, const std::optional<std::string>& file_path, bool suspended,
                      const federation::LocalUrls& urls) {
  if (suspended || !file_path) return url;
  auto still = media::profile_image_still_path(*file_path);
  return still ? urls.media_file(*still) : url;
}

nlohmann::json fields_json(const store::AccountRecord& a) {
  nlohmann::json out = nlohmann::json::array();
  if (a.suspended_at) return out;
  for (const auto& field : parse_array(a.fields_json)) {
    if (!field.is_object()) continue;
    out.push_back({{"name", field.value("name", "")},
                   {"value", field.value("value", "")},
                   {"verified_at", field.contains("verified_at") ? field["verified_at"] : nlohmann::json()}});
  }
  return out;
}

}  // namespace

std::string acct_of(const store::AccountRecord& account) {
  return account.domain ? account.username + "@" + *account.domain : account.username;
}

nlohmann::json account_json(const store::AccountRecord& a, const federation::LocalUrls& urls,
                            const std::vector<store::CustomEmojiRecord>& emojis) {
  const std::string avatar = avatar_url(a, urls);
  const std::string header = header_url(a, urls);
  // Mastodon reports the sign-up day, not the instant (and so leaks less).
  const int64_t created_day = a.created_at - (a.created_at % kDayMillis);
  return {
      {"id", std::to_string(a.id)},
      {"username", a.username},
      {"acct", acct_of(a)},
      {"display_name", a.suspended_at ? std::string() : a.display_name},
      {"locked", a.locked},
      {"bot", a.bot || a.actor_type == "Service" || a.actor_type == "Application"},
      {"discoverable", a.discoverable},
      {"indexable", a.indexable},
      {"group", a.actor_type == "Group"},
      {"created_at", format_iso8601_millis(created_day)},
      {"note", a.suspended_at ? std::string() : a.note},
      {"url", a.url.value_or(a.uri)},
      {"uri", a.uri},
      {"avatar", avatar},
      {"avatar_static", still_url(avatar, a.avatar_file_path, a.suspended_at.has_value(), urls)},
      {"avatar_description", ""},
      {"header", header},
      {"header_static", still_url(header, a.header_file_path, a.suspended_at.has_value(), urls)},
      {"header_description", ""},
      {"followers_count", a.followers_count},
      {"following_count", a.following_count},
      {"statuses_count", a.statuses_count},
      {"last_status_at", a.last_status_at ? nlohmann::json(format_date(*a.last_status_at)) : nlohmann::json()},
      {"hide_collections", a.hide_collections},
      {"noindex", !a.indexable && !a.domain},
      {"emojis", custom_emojis_json(emojis, urls)},
      {"roles", nlohmann::json::array()},
      {"fields", fields_json(a)},
      {"moved", nullptr},
      {"memorial", a.memorial},
      {"suspended", a.suspended_at.has_value()},
      {"limited", a.silenced_at.has_value()},
  };
}

// Keep in step with account_json above and the helpers it calls: a field read there but not fed here would let a
// changed account be served from its old bytes (tests/unit/convert/status_page_writer_test.cpp changes each one).
uint64_t account_fingerprint(const store::AccountRecord& a, const std::vector<store::CustomEmojiRecord>& emojis) {
  Fingerprint f;
  f.add(a.id).add(a.username).add(a.domain).add(a.actor_type).add(a.display_name).add(a.note).add(a.uri).add(a.url);
  f.add(a.avatar_file_path).add(a.avatar_remote_url).add(a.header_file_path).add(a.header_remote_url);
  f.add(a.fields_json).add(a.locked).add(a.bot).add(a.discoverable).add(a.indexable).add(a.hide_collections);
  f.add(a.memorial).add(a.silenced_at).add(a.suspended_at).add(a.created_at);
  f.add(a.followers_count).add(a.following_count).add(a.statuses_count).add(a.last_status_at);
  add_custom_emoji_inputs(f, emojis);
  return f.value();
}

nlohmann::json credential_account_json(const store::AccountRecord& a, const AccountSource& source,
                                       const federation::LocalUrls& urls,
                                       const std::vector<store::CustomEmojiRecord>& emojis) {
  auto json = account_json(a, urls, emojis);
  nlohmann::json source_fields = nlohmann::json::array();
  for (const auto& field : parse_array(a.fields_json)) {
    if (!field.is_object()) continue;
    // The owner edits what they typed; `value_source` keeps it when the shown value was rendered to HTML.
    source_fields.push_back({{"name", field.value("name", "")},
                             {"value", field.value("value_source", field.value("value", ""))}});
  }
  json["source"] = {
      {"privacy", source.privacy},
      {"sensitive", source.sensitive},
      {"language", source.language ? nlohmann::json(*source.language) : nlohmann::json()},
      {"note", a.note_source},
      {"fields", source_fields},
      {"follow_requests_count", source.follow_requests_count},
      {"hide_collections", a.hide_collections},
      {"discoverable", a.discoverable},
      {"indexable", a.indexable},
  };
  const bool admin = source.role == "admin";
  const bool moderator = source.role == "moderator";
  json["role"] = {{"id", admin ? "3" : moderator ? "2" : "-99"},
                  {"name", admin ? "Admin" : moderator ? "Moderator" : ""},
                  {"color", ""},
                  {"permissions", admin ? "1" : moderator ? "1308" : "0"},
                  {"highlighted", admin || moderator}};
  return json;
}

}  // namespace vmst::convert::mastodon
