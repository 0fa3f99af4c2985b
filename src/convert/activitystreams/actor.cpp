#include "convert/activitystreams/actor.hpp"

#include "convert/activitystreams/context.hpp"
#include "convert/activitystreams/emoji_tag.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::as {

namespace {
nlohmann::json public_key(const store::AccountRecord& account) {
  return {{"id", account.public_key_id}, {"owner", account.uri}, {"publicKeyPem", account.public_key_pem}};
}

nlohmann::json profile_fields(const std::string& fields_json) {
  nlohmann::json out = nlohmann::json::array();
  auto fields = nlohmann::json::parse(fields_json, nullptr, false);
  if (!fields.is_array()) return out;
  for (const auto& field : fields) {
    if (!field.is_object()) continue;
    out.push_back({{"type", "PropertyValue"}, {"name", field.value("name", "")}, {"value", field.value("value", "")}});
  }
  return out;
}
}  // namespace

nlohmann::json local_actor(const store::AccountRecord& account, const federation::LocalUrls& urls,
                           const std::string& domain, const std::vector<store::CustomEmojiRecord>& emojis) {
  nlohmann::json actor;
  actor["@context"] = actor_context();
  actor["id"] = account.uri;
  actor["type"] = account.actor_type;
  actor["preferredUsername"] = account.username;
  actor["inbox"] = account.inbox_url;
  actor["outbox"] = account.outbox_url;
  actor["url"] = account.url.value_or(account.uri);
  actor["manuallyApprovesFollowers"] = account.locked;
  actor["publicKey"] = public_key(account);
  actor["endpoints"] = {{"sharedInbox", account.shared_inbox_url}};

  if (account.actor_type == "Application") {
    // The instance actor is deliberately bare: it only needs to be fetchable and to carry its key.
    actor["name"] = domain;
    return actor;
  }

  actor["webfinger"] = account.username + "@" + domain;
  actor["followers"] = account.followers_url;
  actor["following"] = account.following_url;
  actor["featured"] = account.featured_url;
  actor["featuredTags"] = urls.featured_tags(account.username);
  // Mastodon publishes the signup day at midnight, not the exact time.
  actor["published"] = format_date(account.created_at) + "T00:00:00Z";
  if (account.suspended_at) {
    // A suspended account is served as an empty shell so peers stop showing its content.
    actor["name"] = "";
    actor["summary"] = "";
    actor["suspended"] = true;
    actor["tag"] = nlohmann::json::array();
    actor["attachment"] = nlohmann::json::array();
    return actor;
  }
  actor["name"] = account.display_name;
  actor["summary"] = account.note;
  actor["discoverable"] = account.discoverable;
  actor["indexable"] = account.indexable;
  actor["memorial"] = account.memorial;
  actor["tag"] = nlohmann::json::array();
  for (const auto& emoji : emojis) actor["tag"].push_back(emoji_tag(emoji, urls));
  actor["attachment"] = profile_fields(account.fields_json);
  // Uploaded profile images; without them peers show their own default pictures.
  // The files are our re-encodings, named by their type (services/profile), so the extension gives mediaType.
  auto image = [&urls](const std::string& path) {
    const char* type = path.ends_with(".png")    ? "image/png"
                       : path.ends_with(".webp") ? "image/webp"
                       : path.ends_with(".gif")  ? "image/gif"
                                                 : "image/jpeg";
    return nlohmann::json{{"type", "Image"},
                          {"mediaType", type},
                          {"url", urls.media_file(path)}};
  };
  if (account.avatar_file_path) actor["icon"] = image(*account.avatar_file_path);
  if (account.header_file_path) actor["image"] = image(*account.header_file_path);
  auto aliases = nlohmann::json::parse(account.also_known_as_json, nullptr, false);
  if (aliases.is_array() && !aliases.empty()) actor["alsoKnownAs"] = aliases;
  return actor;
}

}  // namespace vmst::convert::as
