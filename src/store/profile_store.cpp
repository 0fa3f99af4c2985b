#include "store/profile_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

void update_profile(Connection& c, int64_t account_id, const ProfileRow& p, int64_t now) {
  auto& q = c.prepare(
      "UPDATE accounts SET display_name = ?, note = ?, note_source = ?, fields = ?, locked = ?, bot = ?,"
      " discoverable = ?, hide_collections = ?, indexable = ?, updated_at = ? WHERE id = ?");
  int i = 1;
  q.bind(i++, p.display_name);
  q.bind(i++, p.note);
  q.bind(i++, p.note_source);
  q.bind(i++, p.fields_json);
  for (bool flag : {p.locked, p.bot, p.discoverable, p.hide_collections, p.indexable}) q.bind(i++, flag ? 1 : 0);
  q.bind(i++, now);
  q.bind(i++, account_id);
  q.exec();
}

std::optional<std::string> set_profile_image(Connection& c, int64_t account_id, ProfileImage which,
                                             std::optional<int64_t> media_id, int64_t now) {
  const bool avatar = which == ProfileImage::Avatar;
  auto& previous = c.prepare(avatar ? "SELECT m.id, m.file_path FROM accounts a JOIN media_attachments m"
                                      " ON m.id = a.avatar_media_id WHERE a.id = ?"
                                    : "SELECT m.id, m.file_path FROM accounts a JOIN media_attachments m"
                                      " ON m.id = a.header_media_id WHERE a.id = ?");
  previous.bind(1, account_id);
  std::optional<int64_t> old_media;
  std::optional<std::string> old_path;
  if (previous.executeStep()) {
    old_media = previous.getColumn(0).getInt64();
    old_path = column_text(previous, 1);
  }
  auto& q = c.prepare(avatar ? "UPDATE accounts SET avatar_media_id = ?, updated_at = ? WHERE id = ?"
                             : "UPDATE accounts SET header_media_id = ?, updated_at = ? WHERE id = ?");
  bind_optional(q, 1, media_id);
  q.bind(2, now);
  q.bind(3, account_id);
  q.exec();
  if (old_media) {
    auto& drop = c.prepare("DELETE FROM media_attachments WHERE id = ?");
    drop.bind(1, *old_media);
    drop.exec();
  }
  return old_path;
}

std::optional<UserRow> find_user_of_account(Connection& c, int64_t account_id) {
  auto& q = c.prepare("SELECT id, role, settings FROM users WHERE account_id = ?");
  q.bind(1, account_id);
  if (!q.executeStep()) return std::nullopt;
  return UserRow{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()};
}

void update_user_settings(Connection& c, int64_t user_id, const std::string& settings_json, int64_t now) {
  auto& q = c.prepare("UPDATE users SET settings = ?, updated_at = ? WHERE id = ?");
  q.bind(1, settings_json);
  q.bind(2, now);
  q.bind(3, user_id);
  q.exec();
}

}  // namespace vmst::store
