#include "store/media_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kMediaColumns =
    "SELECT id, account_id, status_id, position, type, state, file_path, file_content_type, file_size,"
    " thumbnail_path, remote_url, description, blurhash, meta, focus_x, focus_y, created_at, updated_at"
    " FROM media_attachments ";

MediaRecord read_media(SQLite::Statement& q) {
  MediaRecord m;
  int i = 0;
  m.id = q.getColumn(i++).getInt64();
  m.account_id = q.getColumn(i++).getInt64();
  m.status_id = column_int(q, i++);
  m.position = q.getColumn(i++).getInt();
  m.type = q.getColumn(i++).getString();
  m.state = q.getColumn(i++).getString();
  m.file_path = column_text(q, i++);
  m.file_content_type = column_text(q, i++);
  m.file_size = column_int(q, i++);
  m.thumbnail_path = column_text(q, i++);
  m.remote_url = column_text(q, i++);
  m.description = column_text(q, i++);
  m.blurhash = column_text(q, i++);
  m.meta_json = q.getColumn(i++).getString();
  m.focus_x = q.getColumn(i++).getDouble();
  m.focus_y = q.getColumn(i++).getDouble();
  m.created_at = q.getColumn(i++).getInt64();
  m.updated_at = q.getColumn(i++).getInt64();
  return m;
}

}  // namespace

void insert_media(Connection& c, const MediaRecord& m) {
  auto& q = c.prepare(
      "INSERT INTO media_attachments (id, account_id, status_id, position, type, state, file_path,"
      " file_content_type, file_size, thumbnail_path, remote_url, description, blurhash, meta, focus_x, focus_y,"
      " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  int i = 1;
  q.bind(i++, m.id);
  q.bind(i++, m.account_id);
  bind_optional(q, i++, m.status_id);
  q.bind(i++, m.position);
  q.bind(i++, m.type);
  q.bind(i++, m.state);
  bind_optional(q, i++, m.file_path);
  bind_optional(q, i++, m.file_content_type);
  bind_optional(q, i++, m.file_size);
  bind_optional(q, i++, m.thumbnail_path);
  bind_optional(q, i++, m.remote_url);
  bind_optional(q, i++, m.description);
  bind_optional(q, i++, m.blurhash);
  q.bind(i++, m.meta_json);
  q.bind(i++, m.focus_x);
  q.bind(i++, m.focus_y);
  q.bind(i++, m.created_at);
  q.bind(i++, m.updated_at);
  q.exec();
}

std::optional<MediaRecord> find_media(Connection& c, int64_t id) {
  auto& q = c.prepare(std::string(kMediaColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_media(q);
}

std::vector<MediaRecord> media_of_statuses(Connection& c, const std::vector<int64_t>& status_ids) {
  std::vector<MediaRecord> out;
  if (status_ids.empty()) return out;
  auto& q = c.prepare(std::string(kMediaColumns) +
                      "WHERE status_id IN (SELECT value FROM json_each(?)) ORDER BY status_id, position");
  q.bind(1, id_list(status_ids));
  while (q.executeStep()) out.push_back(read_media(q));
  return out;
}

void attach_media(Connection& c, int64_t status_id, const std::vector<int64_t>& media_ids) {
  auto& q = c.prepare("UPDATE media_attachments SET status_id = ?, position = ? WHERE id = ?");
  for (size_t i = 0; i < media_ids.size(); ++i) {
    q.reset();
    q.bind(1, status_id);
    q.bind(2, static_cast<int>(i));
    q.bind(3, media_ids[i]);
    q.exec();
  }
}

void detach_media(Connection& c, int64_t status_id) {
  auto& q = c.prepare("UPDATE media_attachments SET status_id = NULL WHERE status_id = ?");
  q.bind(1, status_id);
  q.exec();
}

void update_media_description(Connection& c, int64_t id, const std::optional<std::string>& description,
                              std::optional<std::pair<double, double>> focus, int64_t now) {
  auto& q = c.prepare(
      "UPDATE media_attachments SET description = coalesce(?, description), focus_x = coalesce(?, focus_x),"
      " focus_y = coalesce(?, focus_y), updated_at = ? WHERE id = ?");
  bind_optional(q, 1, description);
  if (focus) {
    q.bind(2, focus->first);
    q.bind(3, focus->second);
  } else {
    q.bind(2);
    q.bind(3);
  }
  q.bind(4, now);
  q.bind(5, id);
  q.exec();
}

}  // namespace vmst::store
