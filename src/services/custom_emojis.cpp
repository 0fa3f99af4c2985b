#include "services/custom_emojis.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "services/service_error.hpp"
#include "store/ids.hpp"
#include "text/custom_emoji_shortcode.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool is_emoji_image(const media::MediaType& type) {
  return type.mime == "image/png" || type.mime == "image/gif" || type.mime == "image/webp";
}

std::string extension_of(const std::string& path) {
  auto dot = path.find_last_of('.');
  return dot == std::string::npos ? std::string("png") : path.substr(dot + 1);
}

// What a pack entry is called without its folders and extension ("blobs/blobcat.png" -> "blobcat").
std::string base_name(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  if (auto dot = name.find_last_of('.'); dot != std::string::npos && dot > 0) name.erase(dot);
  return name;
}

bool has_image_extension(const std::string& path) {
  const std::string extension = lower_ascii(extension_of(path));
  return extension == "png" || extension == "gif" || extension == "webp";
}

bool is_hidden(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return name.empty() || name.front() == '.';
}

std::optional<std::string> read_media_file(const media::MediaStorage& storage, const std::string& relative) {
  auto file = storage.resolve(relative);
  if (!file) return std::nullopt;
  std::ifstream in(*file, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

void validate_emoji_shortcode(const std::string& shortcode) {
  if (shortcode.size() < 2) {
    throw ServiceError(Kind::Invalid, "shortcode \"" + shortcode + "\" is too short: it needs at least 2 characters");
  }
  if (!text::is_valid_emoji_shortcode(shortcode)) {
    throw ServiceError(Kind::Invalid, "shortcode \"" + shortcode +
                                          "\" is invalid: only letters a-z and A-Z, digits and _ are allowed");
  }
}

media::MediaType emoji_image_type(std::string_view bytes, const std::string& what) {
  if (bytes.size() > kEmojiSizeLimit) {
    throw ServiceError(Kind::Invalid, what + " is too big: " + std::to_string(bytes.size()) + " bytes, the limit is " +
                                          std::to_string(kEmojiSizeLimit / 1024) + " KB");
  }
  auto type = media::sniff_media_type(bytes);
  if (!type || !is_emoji_image(*type)) {
    throw ServiceError(Kind::Invalid, what + " is not a PNG, GIF or WebP image" +
                                          (type ? " (it is " + type->mime + ")" : std::string()));
  }
  return *type;
}

store::CustomEmojiRecord add_local_emoji(store::Database& db, const media::MediaStorage& storage,
                                         const NewLocalEmoji& emoji) {
  validate_emoji_shortcode(emoji.shortcode);
  const auto type = emoji_image_type(emoji.bytes, emoji.source);
  // A new file name for every image: the media route tells caches the files never change.
  const std::string path = "custom_emojis/" + std::to_string(store::next_id()) + "." + type.extension;
  storage.write(path, emoji.bytes);
  std::optional<std::string> replaced;
  store::CustomEmojiRecord record;
  try {
    record = db.write([&](store::Connection& c) {
      const int64_t now = now_millis();
      if (auto existing = store::find_custom_emoji(c, emoji.shortcode, std::nullopt)) {
        if (!emoji.overwrite) throw ServiceError(Kind::Conflict, "emoji :" + emoji.shortcode + ": already exists");
        replaced = existing->image_path;
        existing->image_path = path;
        existing->image_content_type = type.mime;
        if (emoji.category) existing->category = emoji.category;
        existing->disabled = false;
        existing->updated_at = now;
        store::update_custom_emoji(c, *existing);
        return *existing;
      }
      store::CustomEmojiRecord e;
      e.id = store::next_id();
      e.shortcode = emoji.shortcode;
      e.image_path = path;
      e.image_content_type = type.mime;
      e.category = emoji.category;
      e.created_at = now;
      e.updated_at = now;
      store::insert_custom_emoji(c, e);
      return e;
    });
  } catch (...) {
    storage.remove(path);
    throw;
  }
  if (replaced && *replaced != path) storage.remove(*replaced);
  return record;
}

PackImportResult import_emoji_pack(store::Database& db, const media::MediaStorage& storage,
                                   const std::vector<media::PackEntry>& entries, const PackImportOptions& options) {
  PackImportResult result;
  for (const auto& entry : entries) {
    // macOS leaves "._name.png" resource forks in archives; like other dot files they are not emoji.
    if (is_hidden(entry.name)) {
      ++result.ignored;
      continue;
    }
    // Unread (too big) entries are judged by their name; the others by their bytes.
    const bool image = entry.too_big ? has_image_extension(entry.name) : [&] {
      auto type = media::sniff_media_type(entry.bytes);
      return type && is_emoji_image(*type);
    }();
    if (!image) {
      ++result.ignored;
      continue;
    }
    const std::string shortcode = options.prefix + base_name(entry.name) + options.suffix;
    try {
      if (!options.overwrite) {
        bool exists = db.read([&](store::Connection& c) {
          return store::find_custom_emoji(c, shortcode, std::nullopt).has_value();
        });
        if (exists) {
          ++result.skipped;
          continue;
        }
      }
      add_local_emoji(db, storage, {shortcode, entry.bytes, entry.name, options.category, options.overwrite});
      ++result.imported;
    } catch (const ServiceError& e) {
      if (e.kind() == Kind::Conflict) {
        ++result.skipped;
      } else if (entry.too_big) {
        result.failures.push_back(entry.name + ": too big, the limit is " + std::to_string(kEmojiSizeLimit / 1024) +
                                  " KB");
      } else {
        result.failures.push_back(entry.name + ": " + e.what());
      }
    }
  }
  return result;
}

std::vector<media::PackEntry> export_emoji_pack(store::Database& db, const media::MediaStorage& storage) {
  auto emojis = db.read([](store::Connection& c) { return store::list_custom_emojis(c, /*remote=*/false); });
  std::vector<media::PackEntry> entries;
  for (const auto& e : emojis) {
    if (!e.image_path) continue;
    auto bytes = read_media_file(storage, *e.image_path);
    if (!bytes) {
      throw ServiceError(Kind::Unavailable, "the image of :" + e.shortcode + ": is missing (" +
                                                (storage.root() / *e.image_path).string() + ")");
    }
    entries.push_back({e.shortcode + "." + extension_of(*e.image_path), std::move(*bytes), false});
  }
  return entries;
}

void remove_local_emoji(store::Database& db, const media::MediaStorage& storage, const std::string& shortcode) {
  auto removed = db.write([&](store::Connection& c) {
    auto existing = store::find_custom_emoji(c, shortcode, std::nullopt);
    if (!existing) throw ServiceError(Kind::NotFound, "no local emoji :" + shortcode + ":");
    store::delete_custom_emoji(c, existing->id);
    return *existing;
  });
  if (removed.image_path) storage.remove(*removed.image_path);
}

store::CustomEmojiRecord copy_remote_emoji(store::Database& db, const media::MediaStorage& storage,
                                           const net::NetPolicy& policy, const std::string& shortcode,
                                           const std::string& domain, bool overwrite) {
  const std::string host = lower_ascii(domain);
  auto remote = db.read([&](store::Connection& c) { return store::find_custom_emoji(c, shortcode, host); });
  if (!remote) throw ServiceError(Kind::NotFound, "no emoji :" + shortcode + ": from " + host + " has been seen");
  std::optional<std::string> bytes;
  if (remote->image_path) bytes = read_media_file(storage, *remote->image_path);
  const std::string source = remote->image_remote_url.value_or(shortcode + "@" + host);
  if (!bytes) {
    if (!remote->image_remote_url) {
      throw ServiceError(Kind::NotFound, "emoji :" + shortcode + ": from " + host + " has no image to copy");
    }
    net::FetchRequest request;
    request.url = *remote->image_remote_url;
    request.headers = {{"Accept", "image/png, image/gif, image/webp, */*;q=0.5"}};
    request.max_body_bytes = kEmojiSizeLimit;
    try {
      auto response = net::fetch(policy, request);
      if (response.status != 200) {
        throw ServiceError(Kind::Unavailable,
                           "fetching " + request.url + " answered HTTP " + std::to_string(response.status));
      }
      bytes = std::move(response.body);
    } catch (const net::FetchError& e) {
      if (e.kind() == net::FetchError::Kind::TooLarge) {
        throw ServiceError(Kind::Invalid, source + " is too big: the limit is " +
                                              std::to_string(kEmojiSizeLimit / 1024) + " KB");
      }
      throw ServiceError(Kind::Unavailable, "cannot fetch " + request.url + ": " + e.what());
    }
  }
  return add_local_emoji(db, storage, {shortcode, std::move(*bytes), source, remote->category, overwrite});
}

}  // namespace vmst::services
