#include "services/profile.hpp"


#include <functional>
#include <nlohmann/json.hpp>

#include "convert/activitystreams/activities.hpp"
#include "crypto/encoding.hpp"
#include "crypto/random_bytes.hpp"
#include "media/content_detection.hpp"
#include "media/image_processor.hpp"
#include "media/media_storage.hpp"
#include "media/profile_image_files.hpp"
#include "convert/activitystreams/actor.hpp"
#include "delivery/fan_out.hpp"
#include "services/emoji_usage.hpp"
#include "services/service_error.hpp"
#include "store/fan_out_store.hpp"
#include "store/follow_store.hpp"
#include "store/ids.hpp"
#include "store/media_store.hpp"
#include "store/profile_store.hpp"
#include "services/profile_text.hpp"
#include "text/status_length.hpp"

namespace vmst::services {

namespace {

[[noreturn]] void invalid(const std::string& message) {
  throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: " + message);
}

nlohmann::json parse_object(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  return parsed.is_object() ? parsed : nlohmann::json::object();
}

bool valid_language(const std::string& code) {
  if (code.size() < 2 || code.size() > 3) return false;
  for (unsigned char ch : code)
    if (ch < 'a' || ch > 'z') return false;
  return true;
}

struct StoredImage {
  store::ProfileImage which;
  int64_t media_id;
  std::string relative_path;
  std::optional<std::string> still_path;  // beside an animated image
  std::string content_type;
  int64_t size;
};

// The upload checked (size, type from the content, agreeing with the declared one) and re-encoded at the profile
// size: upright, centre-cropped, without metadata.
media::ProcessedImage prepared_image(const ImageUpload& upload, store::ProfileImage which) {
  const std::string what = which == store::ProfileImage::Avatar ? "Avatar" : "Header";
  if (upload.bytes.size() > kProfileImageLimit) invalid(what + " file size must be less than 8 MB");
  const auto type = media::detect_media_type(upload.bytes);
  if (!type || type->kind != "image" || !media::declared_type_agrees(upload.content_type, *type)) {
    invalid(what + " content type is invalid");
  }
  const bool avatar = which == store::ProfileImage::Avatar;
  try {
    return media::process_profile_image(upload.bytes, type->mime, kProfileImageMaxPixels,
                                        avatar ? kAvatarSize : kHeaderWidth, avatar ? kAvatarSize : kHeaderHeight);
  } catch (const media::ImageRejected& e) {
    invalid(what + ": " + e.what());
  }
}

// accounts/avatars/<id>/<random>/original.<ext> (media/profile_image_files), each file written whole or not at all
// (media::MediaStorage).
StoredImage store_image(const std::filesystem::path& media_root, store::ProfileImage which,
                        const media::ProcessedImage& image) {
  const int64_t id = store::next_id();
  const std::string folder = which == store::ProfileImage::Avatar ? "accounts/avatars/" : "accounts/headers/";
  const std::string relative = folder + std::to_string(id) + "/" + crypto::hex_encode(crypto::random_bytes(8)) + "/" +
                               media::profile_image_file_name(image.animated, image.original.extension);
  StoredImage stored{which, id, relative, std::nullopt, image.original.mime,
                     static_cast<int64_t>(image.original.bytes.size())};
  media::MediaStorage storage(media_root);
  try {
    storage.write(relative, image.original.bytes);
    if (image.still) {
      stored.still_path = media::profile_image_still_path(relative);
      storage.write(*stored.still_path, image.still->bytes);
    }
  } catch (const std::runtime_error&) {
    storage.remove(relative);
    throw ServiceError(ServiceError::Kind::Unavailable, "The file could not be stored");
  }
  return stored;
}

// The image and, for an animated one, its still frame.
void remove_quietly(const std::filesystem::path& media_root, const std::string& relative) {
  media::MediaStorage storage(media_root);
  storage.remove(relative);
  if (auto still = media::profile_image_still_path(relative)) storage.remove(*still);
}

// Stored fields: the name as typed, the value as HTML and as typed; a verification survives an unchanged value.
std::string fields_json(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& previous,
                        const std::function<std::string(const std::string&)>& render_value) {
  auto old = nlohmann::json::parse(previous, nullptr, false);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [name, value] : fields) {
    nlohmann::json verified_at = nullptr;
    if (old.is_array()) {
      for (const auto& field : old) {
        if (field.is_object() && field.value("value_source", field.value("value", "")) == value &&
            field.contains("verified_at")) {
          verified_at = field["verified_at"];
        }
      }
    }
    out.push_back({{"name", name},
                   {"value", render_value(value)},
                   {"value_source", value},
                   {"verified_at", verified_at}});
  }
  return out.dump();
}

// The account as it now is, with an Update of the actor queued for its remote followers' servers.
CredentialView announce_profile(store::Connection& c, const ProfileEnvironment& env, Outbox& outbox,
                                int64_t account_id, int64_t now) {
  auto after = credential_view(c, account_id);
  std::vector<delivery::Recipient> recipients;
  for (auto& inbox : store::remote_follower_inboxes(c, account_id)) {
    recipients.push_back({inbox.inbox_url, inbox.shared_inbox_url});
  }
  auto actor = convert::as::local_actor(after.account, env.urls, env.domain, account_emojis(c, after.account));
  auto activity = convert::as::update_actor_activity(actor, store::next_id());
  outbox.send(c, after.account, activity, delivery::collapse_recipients(recipients), now);
  return after;
}

void validate(const ProfileUpdate& u) {
  if (u.display_name && text::count_plain_characters(*u.display_name) > static_cast<int>(kDisplayNameLimit)) {
    invalid("Display name is too long (maximum is 30 characters)");
  }
  if (u.note && text::count_status_characters(*u.note) > static_cast<int>(kNoteLimit)) invalid("Note is too long (maximum is 500 characters)");
  if (u.fields) {
    if (u.fields->size() > kMaxProfileFields) invalid("Fields is too long (maximum is 4 fields)");
    for (const auto& [name, value] : *u.fields) {
      if (text::count_plain_characters(name) > static_cast<int>(kProfileFieldLimit) ||
          text::count_plain_characters(value) > static_cast<int>(kProfileFieldLimit)) {
        invalid("Fields is too long (maximum is 255 characters per name or value)");
      }
    }
  }
  if (u.privacy && *u.privacy != "public" && *u.privacy != "unlisted" && *u.privacy != "private") {
    invalid("Default privacy is not included in the list");
  }
  if (u.language && !u.language->empty() && !valid_language(*u.language)) {
    invalid("Default language is not included in the list");
  }
}

}  // namespace

std::string sniff_image_type(std::string_view b) {
  auto starts = [&](std::string_view magic, size_t at = 0) { return b.size() >= at + magic.size() && b.substr(at, magic.size()) == magic; };
  if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts("\xFF\xD8\xFF")) return "image/jpeg";
  if (starts("GIF87a") || starts("GIF89a")) return "image/gif";
  if (starts("RIFF") && starts("WEBP", 8)) return "image/webp";
  return "";
}

CredentialView credential_view(store::Connection& c, int64_t account_id) {
  auto account = store::find_account(c, account_id);
  auto user = store::find_user_of_account(c, account_id);
  if (!account || !user) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
  CredentialView view{*account, {}};
  const auto settings = parse_object(user->settings_json);
  view.source.privacy = settings.value("default_privacy", "public");
  view.source.sensitive = settings.value("default_sensitive", false);
  if (settings.contains("default_language") && settings["default_language"].is_string()) {
    view.source.language = settings["default_language"].get<std::string>();
  }
  view.source.follow_requests_count = store::count_follow_requests(c, account_id);
  view.source.role = user->role;
  return view;
}

CredentialView update_profile(const ProfileEnvironment& env, Outbox& outbox, int64_t account_id,
                              const ProfileUpdate& update, int64_t now) {
  validate(update);
  std::optional<media::ProcessedImage> avatar, header;
  if (update.avatar) avatar = prepared_image(*update.avatar, store::ProfileImage::Avatar);
  if (update.header) header = prepared_image(*update.header, store::ProfileImage::Header);

  std::vector<StoredImage> stored;
  try {
    if (avatar) stored.push_back(store_image(env.media_root, store::ProfileImage::Avatar, *avatar));
    if (header) stored.push_back(store_image(env.media_root, store::ProfileImage::Header, *header));
  } catch (...) {
    for (const auto& image : stored) remove_quietly(env.media_root, image.relative_path);
    throw;
  }

  std::vector<std::string> replaced;
  CredentialView view;
  try {
    view = env.db.write([&](store::Connection& c) {
      auto current = credential_view(c, account_id);
      const auto& a = current.account;
      store::ProfileRow row{a.display_name, a.note, a.note_source, a.fields_json, a.locked, a.bot, a.discoverable,
                            a.hide_collections, a.indexable};
      if (update.display_name) row.display_name = *update.display_name;
      if (update.note) {
        row.note_source = *update.note;
        row.note = render_profile_note(c, env.urls, env.domain, *update.note);
      }
      if (update.fields) {
        row.fields_json = fields_json(*update.fields, a.fields_json, [&](const std::string& value) {
          return render_profile_field_value(c, env.urls, env.domain, value);
        });
      }
      if (update.locked) row.locked = *update.locked;
      if (update.bot) row.bot = *update.bot;
      if (update.discoverable) row.discoverable = *update.discoverable;
      if (update.hide_collections) row.hide_collections = *update.hide_collections;
      if (update.indexable) row.indexable = *update.indexable;
      store::update_profile(c, account_id, row, now);

      for (const auto& image : stored) {
        store::MediaRecord media;
        media.id = image.media_id;
        media.account_id = account_id;
        media.type = "image";
        media.file_path = image.relative_path;
        media.file_content_type = image.content_type;
        media.file_size = image.size;
        media.thumbnail_path = image.still_path;
        media.created_at = media.updated_at = now;
        store::insert_media(c, media);
        if (auto old = store::set_profile_image(c, account_id, image.which, image.media_id, now)) replaced.push_back(*old);
      }

      if (update.privacy || update.sensitive || update.language) {
        auto user = store::find_user_of_account(c, account_id);
        auto settings = parse_object(user->settings_json);
        if (update.privacy) settings["default_privacy"] = *update.privacy;
        if (update.sensitive) settings["default_sensitive"] = *update.sensitive;
        if (update.language) {
          settings["default_language"] = update.language->empty() ? nlohmann::json() : nlohmann::json(*update.language);
        }
        store::update_user_settings(c, user->user_id, settings.dump(), now);
      }

      return announce_profile(c, env, outbox, account_id, now);
    });
  } catch (...) {
    for (const auto& image : stored) remove_quietly(env.media_root, image.relative_path);
    throw;
  }
  for (const auto& path : replaced) remove_quietly(env.media_root, path);
  return view;
}

CredentialView remove_profile_image(const ProfileEnvironment& env, Outbox& outbox, int64_t account_id,
                                    store::ProfileImage which, int64_t now) {
  std::optional<std::string> removed;
  auto view = env.db.write([&](store::Connection& c) {
    credential_view(c, account_id);  // a local user's account, or NotFound
    removed = store::set_profile_image(c, account_id, which, std::nullopt, now);
    return announce_profile(c, env, outbox, account_id, now);
  });
  if (removed) remove_quietly(env.media_root, *removed);
  return view;
}

}  // namespace vmst::services
