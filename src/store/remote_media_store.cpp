#include "store/remote_media_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

std::optional<RemoteMediaSource> find_remote_media_source(Connection& c, int64_t media_id) {
  auto& q = c.prepare(
      "SELECT m.id, a.domain, m.remote_url, m.file_path, m.thumbnail_path, m.type, m.blurhash, s.visibility"
      " FROM media_attachments m JOIN accounts a ON a.id = m.account_id"
      " LEFT JOIN statuses s ON s.id = m.status_id AND s.deleted_at IS NULL"
      " WHERE m.id = ? AND a.domain IS NOT NULL");
  q.bind(1, media_id);
  if (!q.executeStep()) return std::nullopt;
  RemoteMediaSource out;
  out.id = q.getColumn(0).getInt64();
  out.account_domain = q.getColumn(1).getString();
  out.remote_url = column_text(q, 2);
  out.file_path = column_text(q, 3);
  out.thumbnail_path = column_text(q, 4);
  out.type = q.getColumn(5).getString();
  out.blurhash = column_text(q, 6);
  out.status_visibility = column_text(q, 7);
  return out;
}

std::vector<int64_t> uncached_remote_media_of_status(Connection& c, int64_t status_id) {
  auto& q = c.prepare(
      "SELECT m.id FROM media_attachments m JOIN accounts a ON a.id = m.account_id"
      " WHERE m.status_id = ? AND a.domain IS NOT NULL AND m.remote_url IS NOT NULL AND m.file_path IS NULL"
      " ORDER BY m.position, m.id");
  q.bind(1, status_id);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

bool record_cached_media_files(Connection& c, int64_t media_id, const CachedMediaFiles& files, int64_t now) {
  auto& q = c.prepare(
      "UPDATE media_attachments SET file_path = ?, thumbnail_path = ?, file_content_type = ?, file_size = ?,"
      " type = ?, blurhash = ?, meta = ?, cached = 1, state = 'ready', updated_at = ?"
      " WHERE id = ? AND file_path IS NULL");
  q.bind(1, files.file_path);
  bind_optional(q, 2, files.thumbnail_path);
  q.bind(3, files.content_type);
  q.bind(4, files.file_size);
  q.bind(5, files.type);
  bind_optional(q, 6, files.blurhash);
  q.bind(7, files.meta_json);
  q.bind(8, now);
  q.bind(9, media_id);
  q.exec();
  return c.changes() == 1;
}

namespace {

// An account's columns for one kind of profile image: the only names put into the SQL below.
struct ProfileImageColumns {
  const char* media_id;
  const char* remote_url;
};
constexpr ProfileImageColumns kAvatarColumns{"avatar_media_id", "avatar_remote_url"};
constexpr ProfileImageColumns kHeaderColumns{"header_media_id", "header_remote_url"};

const ProfileImageColumns& profile_image_columns(bool header) { return header ? kHeaderColumns : kAvatarColumns; }

}  // namespace

std::optional<RemoteProfileImage> find_remote_profile_image(Connection& c, int64_t account_id, bool header) {
  const ProfileImageColumns& column = profile_image_columns(header);
  auto& q = c.prepare(std::string("SELECT a.domain, a.") + column.remote_url + ", m.file_path FROM accounts a" +
                      " LEFT JOIN media_attachments m ON m.id = a." + column.media_id +
                      " WHERE a.id = ? AND a.domain IS NOT NULL");
  q.bind(1, account_id);
  if (!q.executeStep()) return std::nullopt;
  RemoteProfileImage out;
  out.account_id = account_id;
  out.account_domain = q.getColumn(0).getString();
  out.remote_url = column_text(q, 1);
  if (out.remote_url && out.remote_url->empty()) out.remote_url.reset();
  out.cached = !q.isColumnNull(2);
  return out;
}

bool link_remote_profile_image(Connection& c, int64_t account_id, bool header, const std::string& remote_url,
                               int64_t media_id) {
  const ProfileImageColumns& column = profile_image_columns(header);
  auto& q = c.prepare(std::string("UPDATE accounts SET ") + column.media_id + " = ? WHERE id = ? AND " +
                      column.remote_url + " = ?");
  q.bind(1, media_id);
  q.bind(2, account_id);
  q.bind(3, remote_url);
  q.exec();
  return c.changes() == 1;
}

std::optional<RemoteEmojiSource> find_remote_emoji_source(Connection& c, int64_t emoji_id) {
  auto& q = c.prepare(
      "SELECT domain, image_remote_url, image_path FROM custom_emojis WHERE id = ? AND domain IS NOT NULL");
  q.bind(1, emoji_id);
  if (!q.executeStep()) return std::nullopt;
  RemoteEmojiSource out;
  out.id = emoji_id;
  out.domain = q.getColumn(0).getString();
  out.remote_url = column_text(q, 1);
  out.cached = !q.isColumnNull(2);
  return out;
}

std::vector<int64_t> uncached_remote_emojis(Connection& c, const std::string& domain, int limit) {
  auto& q = c.prepare(
      "SELECT id FROM custom_emojis WHERE domain = lower(?) AND image_path IS NULL AND image_remote_url IS NOT NULL"
      " AND disabled = 0 ORDER BY updated_at DESC, id DESC LIMIT ?");
  q.bind(1, domain);
  q.bind(2, limit);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

bool record_cached_emoji_image(Connection& c, int64_t emoji_id, const std::string& remote_url,
                               const std::string& image_path, const std::string& content_type) {
  auto& q = c.prepare(
      // updated_at stays: it is the origin's `updated`, which tells when the emoji changed there.
      "UPDATE custom_emojis SET image_path = ?, image_content_type = ?"
      " WHERE id = ? AND image_remote_url = ? AND image_path IS NULL AND domain IS NOT NULL");
  q.bind(1, image_path);
  q.bind(2, content_type);
  q.bind(3, emoji_id);
  q.bind(4, remote_url);
  q.exec();
  return c.changes() == 1;
}

}  // namespace vmst::store
