#include "store/media_maintenance_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kProfileImageIds =
    "(SELECT avatar_media_id FROM accounts WHERE avatar_media_id IS NOT NULL"
    " UNION SELECT header_media_id FROM accounts WHERE header_media_id IS NOT NULL)";

}  // namespace

std::vector<StoredMediaFile> stored_media_files(Connection& c) {
  // The numbers are MediaFileUse's values, in its declaration order.
  auto& q = c.prepare(
      // Whatever belongs to a remote account or domain is a copy: the remote cache.
      std::string("SELECT CASE WHEN a.domain IS NOT NULL THEN 1 WHEN m.id IN ") + kProfileImageIds +
      " THEN 2 ELSE 0 END, m.file_path, m.thumbnail_path"
      " FROM media_attachments m JOIN accounts a ON a.id = m.account_id"
      " WHERE m.file_path IS NOT NULL OR m.thumbnail_path IS NOT NULL"
      " UNION ALL SELECT CASE WHEN domain IS NULL THEN 3 ELSE 1 END, image_path, NULL FROM custom_emojis"
      " WHERE image_path IS NOT NULL");
  std::vector<StoredMediaFile> out;
  while (q.executeStep()) {
    auto use = static_cast<MediaFileUse>(q.getColumn(0).getInt());
    for (int column : {1, 2}) {
      if (auto path = column_text(q, column)) out.push_back({use, *path});
    }
  }
  return out;
}

std::vector<CachedRemoteMedia> cached_remote_media_before(Connection& c, int64_t cutoff) {
  auto& q = c.prepare(
      std::string("SELECT m.id, m.file_path, m.thumbnail_path FROM media_attachments m"
                  " JOIN accounts a ON a.id = m.account_id"
                  " WHERE a.domain IS NOT NULL AND m.created_at < ?"
                  " AND (m.file_path IS NOT NULL OR m.thumbnail_path IS NOT NULL) AND m.id NOT IN ") +
      kProfileImageIds + " ORDER BY m.created_at, m.id");
  q.bind(1, cutoff);
  std::vector<CachedRemoteMedia> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), column_text(q, 1), column_text(q, 2)});
  return out;
}

void forget_cached_media_files(Connection& c, int64_t id, int64_t now) {
  auto& q = c.prepare(
      "UPDATE media_attachments SET file_path = NULL, thumbnail_path = NULL, cached = 0, updated_at = ? WHERE id = ?");
  q.bind(1, now);
  q.bind(2, id);
  q.exec();
}

}  // namespace vmst::store
