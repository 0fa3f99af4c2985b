#include "services/remote_media_cache.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <variant>

#include "crypto/encoding.hpp"
#include "crypto/random_bytes.hpp"
#include "media/content_detection.hpp"
#include "media/image_processor.hpp"
#include "services/profile.hpp"
#include "store/domain_block_store.hpp"
#include "store/ids.hpp"
#include "store/media_store.hpp"
#include "store/remote_media_store.hpp"
#include "store/status_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

// A status's author may show this many new emoji at once; the rest wait for the next post or a client's request.
constexpr int kEmojiPerNotice = 20;

CopyResult result(CopyOutcome outcome, std::string reason = "") { return CopyResult{outcome, std::move(reason)}; }

// Files of copies live apart from uploads, under cache/, in a folder with a random part (ids are time-ordered).
std::string cache_folder(const char* kind, int64_t id) {
  return std::string("cache/") + kind + "/" + std::to_string(id) + "/" + crypto::hex_encode(crypto::random_bytes(12));
}

std::optional<std::string> refusal(const RemoteMediaEnv& env, const std::string& domain, const std::string& url) {
  return env.db.read([&](store::Connection& c) { return remote_media_refusal(c, domain, url); });
}

struct Fetched {
  std::string bytes;
  media::MediaType type;
};

// The file at `url` when it is media within `max_bytes`; else the outcome to report.
std::variant<Fetched, CopyResult> fetch_media(const RemoteMediaEnv& env, const std::string& domain,
                                              const std::string& url, int64_t max_bytes) {
  if (auto why = refusal(env, domain, url)) return result(CopyOutcome::Refused, *why);
  if (env.failures && env.failures->backing_off(url)) {
    return result(CopyOutcome::Failed, url + " failed lately: not fetched again before its back-off ends");
  }
  // Whatever keeps a fetch from yielding media is remembered, so that the next request does not repeat it at once.
  auto failed = [&](CopyOutcome outcome, std::string reason) {
    if (env.failures) env.failures->record_failure(url);
    return result(outcome, std::move(reason));
  };
  net::FetchRequest request;
  request.url = url;
  request.headers.emplace("Accept", "image/*, video/*, audio/*, */*;q=0.1");
  request.max_body_bytes = static_cast<size_t>(max_bytes);
  request.timeout_seconds = env.limits.timeout_seconds;
  net::FetchResponse response;
  try {
    response = net::fetch(env.policy, request);
  } catch (const net::FetchError& e) {
    const bool refused = e.kind() == net::FetchError::Kind::Refused || e.kind() == net::FetchError::Kind::TooLarge ||
                         e.kind() == net::FetchError::Kind::InvalidUrl;
    return failed(refused ? CopyOutcome::Refused : CopyOutcome::Failed, e.what());
  }
  if (response.status != 200) {
    return failed(CopyOutcome::Failed, url + " answered " + std::to_string(response.status));
  }
  // A redirect may have led elsewhere: the policy holds for where the bytes came from, too.
  if (response.url != url) {
    if (auto why = refusal(env, domain, response.url)) return result(CopyOutcome::Refused, *why);
  }
  auto type = media::detect_media_type(response.body);
  if (!type) {
    return failed(CopyOutcome::Refused,
                  url + " is not media (the content is " + media::detect_mime_type(response.body) + ")");
  }
  if (env.failures) env.failures->record_success(url);
  return Fetched{std::move(response.body), *type};
}

nlohmann::json dimensions(const media::EncodedImage& image) {
  return {{"width", image.width},
          {"height", image.height},
          {"size", std::to_string(image.width) + "x" + std::to_string(image.height)},
          {"aspect", static_cast<double>(image.width) / static_cast<double>(std::max(image.height, 1))}};
}

void remove_files(const media::MediaStorage& storage, const std::vector<std::string>& paths) {
  for (const auto& path : paths) storage.remove(path);
}

CopyResult copy_attachment(const RemoteMediaEnv& env, int64_t media_id) {
  auto source = env.db.read([&](store::Connection& c) { return store::find_remote_media_source(c, media_id); });
  if (!source || !source->remote_url) return result(CopyOutcome::Gone);
  if (source->file_path) return result(CopyOutcome::AlreadyCopied);
  const bool declared_image = source->type == "image" || source->type == "gifv";
  const int64_t max_bytes =
      declared_image ? std::min(env.limits.max_bytes, env.limits.image_size_limit) : env.limits.max_bytes;
  auto fetched = fetch_media(env, source->account_domain, *source->remote_url, max_bytes);
  if (auto* failed = std::get_if<CopyResult>(&fetched)) return *failed;
  auto& file = std::get<Fetched>(fetched);

  const int64_t size_limit = file.type.kind == "image" ? env.limits.image_size_limit : env.limits.video_size_limit;
  if (static_cast<int64_t>(file.bytes.size()) > size_limit) {
    return result(CopyOutcome::Refused, *source->remote_url + " is larger than this server takes");
  }
  store::CachedMediaFiles files;
  files.type = file.type.kind;
  files.content_type = file.type.mime;
  files.blurhash = source->blurhash;
  files.meta_json = "{}";
  const std::string folder = cache_folder("media_attachments", media_id);
  std::string bytes = std::move(file.bytes);
  std::optional<media::EncodedImage> small;
  std::string extension = file.type.extension;
  if (file.type.kind == "image") {
    media::ProcessedImage image;
    try {
      image = media::process_attachment_image(bytes, file.type.mime, env.limits.image_matrix_limit);
    } catch (const media::ImageRejected& e) {
      return result(CopyOutcome::Refused, *source->remote_url + ": " + e.what());
    }
    bytes = std::move(image.original.bytes);
    files.content_type = image.original.mime;
    extension = image.original.extension;
    nlohmann::json meta = {{"original", dimensions(image.original)}};
    if (image.small) meta["small"] = dimensions(*image.small);
    files.meta_json = meta.dump();
    if (!files.blurhash || files.blurhash->empty()) files.blurhash = image.blurhash;
    small = std::move(image.small);
  }
  files.file_path = folder + "/original." + extension;
  files.file_size = static_cast<int64_t>(bytes.size());
  std::vector<std::string> written;
  // Files first, then the row (a row never names a missing file); a lost race removes them again.
  env.storage.write(files.file_path, bytes);
  written.push_back(files.file_path);
  if (small) {
    files.thumbnail_path = folder + "/small." + small->extension;
    try {
      env.storage.write(*files.thumbnail_path, small->bytes);
    } catch (...) {
      remove_files(env.storage, written);
      throw;
    }
    written.push_back(*files.thumbnail_path);
  }
  bool recorded = false;
  try {
    recorded = env.db.write(
        [&](store::Connection& c) { return store::record_cached_media_files(c, media_id, files, now_millis()); });
  } catch (...) {
    remove_files(env.storage, written);
    throw;
  }
  if (!recorded) {
    remove_files(env.storage, written);
    return result(CopyOutcome::Gone, "the attachment changed while it was fetched");
  }
  return result(CopyOutcome::Copied);
}

CopyResult copy_profile_image(const RemoteMediaEnv& env, int64_t account_id, bool header) {
  auto source =
      env.db.read([&](store::Connection& c) { return store::find_remote_profile_image(c, account_id, header); });
  if (!source || !source->remote_url) return result(CopyOutcome::Gone);
  if (source->cached) return result(CopyOutcome::AlreadyCopied);
  auto fetched = fetch_media(env, source->account_domain, *source->remote_url, kRemoteProfileImageBytes);
  if (auto* failed = std::get_if<CopyResult>(&fetched)) return *failed;
  auto& file = std::get<Fetched>(fetched);
  if (file.type.kind != "image") return result(CopyOutcome::Refused, *source->remote_url + " is not an image");
  media::ProcessedImage image;
  try {
    image = header ? media::process_profile_image(file.bytes, file.type.mime, env.limits.image_matrix_limit,
                                                  kHeaderWidth, kHeaderHeight)
                   : media::process_profile_image(file.bytes, file.type.mime, env.limits.image_matrix_limit,
                                                  kAvatarSize, kAvatarSize);
  } catch (const media::ImageRejected& e) {
    return result(CopyOutcome::Refused, *source->remote_url + ": " + e.what());
  }
  const int64_t now = now_millis();
  store::MediaRecord media;
  media.id = store::next_id();
  media.account_id = account_id;
  media.type = "image";
  media.file_path = cache_folder(header ? "headers" : "avatars", media.id) + "/original." + image.original.extension;
  media.file_content_type = image.original.mime;
  media.file_size = static_cast<int64_t>(image.original.bytes.size());
  media.remote_url = source->remote_url;
  media.blurhash = image.blurhash;
  media.meta_json = nlohmann::json{{"original", dimensions(image.original)}}.dump();
  media.created_at = media.updated_at = now;
  env.storage.write(*media.file_path, image.original.bytes);
  bool linked = false;
  try {
    linked = env.db.write([&](store::Connection& c) {
      store::insert_media(c, media);
      if (store::link_remote_profile_image(c, account_id, header, *source->remote_url, media.id)) return true;
      store::delete_media(c, media.id);
      return false;
    });
  } catch (...) {
    env.storage.remove(*media.file_path);
    throw;
  }
  if (!linked) {
    env.storage.remove(*media.file_path);
    return result(CopyOutcome::Gone, "the account's image changed while it was fetched");
  }
  return result(CopyOutcome::Copied);
}

CopyResult copy_emoji(const RemoteMediaEnv& env, int64_t emoji_id) {
  auto source = env.db.read([&](store::Connection& c) { return store::find_remote_emoji_source(c, emoji_id); });
  if (!source || !source->remote_url) return result(CopyOutcome::Gone);
  if (source->cached) return result(CopyOutcome::AlreadyCopied);
  auto fetched = fetch_media(env, source->domain, *source->remote_url, kRemoteEmojiBytes);
  if (auto* failed = std::get_if<CopyResult>(&fetched)) return *failed;
  auto& file = std::get<Fetched>(fetched);
  if (file.type.kind != "image") return result(CopyOutcome::Refused, *source->remote_url + " is not an image");
  media::ProcessedImage image;
  try {
    image = media::process_attachment_image(file.bytes, file.type.mime, env.limits.image_matrix_limit);
  } catch (const media::ImageRejected& e) {
    return result(CopyOutcome::Refused, *source->remote_url + ": " + e.what());
  }
  const std::string path = cache_folder("custom_emojis", emoji_id) + "/original." + image.original.extension;
  env.storage.write(path, image.original.bytes);
  bool recorded = false;
  try {
    recorded = env.db.write([&](store::Connection& c) {
      return store::record_cached_emoji_image(c, emoji_id, *source->remote_url, path, image.original.mime);
    });
  } catch (...) {
    env.storage.remove(path);
    throw;
  }
  if (!recorded) {
    env.storage.remove(path);
    return result(CopyOutcome::Gone, "the emoji changed while it was fetched");
  }
  return result(CopyOutcome::Copied);
}

std::vector<RemoteMediaJob> emoji_jobs(store::Connection& c, const std::string& domain) {
  std::vector<RemoteMediaJob> out;
  for (int64_t id : store::uncached_remote_emojis(c, domain, kEmojiPerNotice)) {
    out.push_back({RemoteMediaJob::Kind::Emoji, id});
  }
  return out;
}

}  // namespace

std::optional<store::RemoteMediaSource> publicly_proxied_media(store::Database& db, int64_t media_id) {
  auto source = db.read([&](store::Connection& c) { return store::find_remote_media_source(c, media_id); });
  if (!source || !source->remote_url) return std::nullopt;
  if (source->status_visibility != "public" && source->status_visibility != "unlisted") return std::nullopt;
  return source;
}

std::optional<std::string> remote_media_refusal(store::Connection& c, const std::string& account_domain,
                                                const std::string& url) {
  if (store::rejects_media_from(c, account_domain)) return account_domain + " is blocked with reject_media";
  if (store::refuses_federation_with(c, account_domain)) return account_domain + " is blocked by this server";
  auto parsed = net::parse_url(url);
  if (!parsed) return "not an http(s) URL: " + url;
  if (store::rejects_media_from(c, parsed->authority())) return parsed->host + " is blocked with reject_media";
  if (store::refuses_federation_with(c, parsed->authority())) return parsed->host + " is blocked by this server";
  return std::nullopt;
}

CopyResult copy_remote_media(const RemoteMediaEnv& env, const RemoteMediaJob& job) {
  switch (job.kind) {
    case RemoteMediaJob::Kind::Attachment: return copy_attachment(env, job.id);
    case RemoteMediaJob::Kind::Avatar: return copy_profile_image(env, job.id, false);
    case RemoteMediaJob::Kind::Header: return copy_profile_image(env, job.id, true);
    case RemoteMediaJob::Kind::Emoji: return copy_emoji(env, job.id);
  }
  return result(CopyOutcome::Gone);
}

std::vector<RemoteMediaJob> uncached_profile_images(const store::AccountRecord& account) {
  std::vector<RemoteMediaJob> out;
  if (account.local()) return out;
  if (account.avatar_remote_url && !account.avatar_remote_url->empty() && !account.avatar_file_path) {
    out.push_back({RemoteMediaJob::Kind::Avatar, account.id});
  }
  if (account.header_remote_url && !account.header_remote_url->empty() && !account.header_file_path) {
    out.push_back({RemoteMediaJob::Kind::Header, account.id});
  }
  return out;
}

std::vector<RemoteMediaJob> uncached_media_of_status(store::Database& db, int64_t status_id) {
  return db.read([&](store::Connection& c) {
    std::vector<RemoteMediaJob> out;
    for (int64_t id : store::uncached_remote_media_of_status(c, status_id)) {
      out.push_back({RemoteMediaJob::Kind::Attachment, id});
    }
    auto status = store::find_status(c, status_id);
    auto author = status ? store::find_account(c, status->account_id) : std::nullopt;
    if (!author || author->local() || !author->domain) return out;
    auto images = uncached_profile_images(*author);
    out.insert(out.end(), images.begin(), images.end());
    auto emoji = emoji_jobs(c, *author->domain);
    out.insert(out.end(), emoji.begin(), emoji.end());
    return out;
  });
}

}  // namespace vmst::services
