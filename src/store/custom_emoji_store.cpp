#include "store/custom_emoji_store.hpp"

#include <nlohmann/json.hpp>

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kColumns =
    "id, shortcode, domain, image_path, image_remote_url, category, visible_in_picker, uri, image_content_type,"
    " disabled, created_at, updated_at";

CustomEmojiRecord read_emoji(SQLite::Statement& q) {
  CustomEmojiRecord e;
  e.id = q.getColumn(0).getInt64();
  e.shortcode = q.getColumn(1).getString();
  e.domain = column_text(q, 2);
  e.image_path = column_text(q, 3);
  e.image_remote_url = column_text(q, 4);
  e.category = column_text(q, 5);
  e.visible_in_picker = q.getColumn(6).getInt() != 0;
  e.uri = column_text(q, 7);
  e.image_content_type = column_text(q, 8);
  e.disabled = q.getColumn(9).getInt() != 0;
  e.created_at = q.getColumn(10).getInt64();
  e.updated_at = q.getColumn(11).getInt64();
  return e;
}

std::vector<CustomEmojiRecord> read_all(SQLite::Statement& q) {
  std::vector<CustomEmojiRecord> out;
  while (q.executeStep()) out.push_back(read_emoji(q));
  return out;
}

}  // namespace

std::vector<CustomEmojiRecord> local_enabled_custom_emojis(Connection& c) {
  auto& q = c.prepare(std::string("SELECT ") + kColumns +
                      " FROM custom_emojis WHERE domain IS NULL AND disabled = 0 AND image_path IS NOT NULL"
                      " ORDER BY shortcode");
  return read_all(q);
}

std::vector<CustomEmojiRecord> list_custom_emojis(Connection& c, bool remote) {
  auto& q = c.prepare(std::string("SELECT ") + kColumns + " FROM custom_emojis WHERE (domain IS NOT NULL) = ?" +
                      " ORDER BY coalesce(domain, ''), shortcode");
  q.bind(1, remote ? 1 : 0);
  return read_all(q);
}

std::optional<CustomEmojiRecord> find_custom_emoji(Connection& c, const std::string& shortcode,
                                                   const std::optional<std::string>& domain) {
  auto& q = c.prepare(std::string("SELECT ") + kColumns +
                      " FROM custom_emojis WHERE shortcode = ? AND coalesce(domain, '') = ?");
  q.bind(1, shortcode);
  q.bind(2, domain.value_or(""));
  if (!q.executeStep()) return std::nullopt;
  return read_emoji(q);
}

std::optional<CustomEmojiRecord> find_custom_emoji_by_id(Connection& c, int64_t id) {
  auto& q = c.prepare(std::string("SELECT ") + kColumns + " FROM custom_emojis WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_emoji(q);
}

std::vector<CustomEmojiRecord> usable_custom_emojis(Connection& c, const std::optional<std::string>& domain,
                                                    const std::vector<std::string>& shortcodes) {
  if (shortcodes.empty()) return {};
  auto& q = c.prepare(std::string("SELECT ") + kColumns +
                      " FROM custom_emojis WHERE coalesce(domain, '') = ? AND disabled = 0"
                      " AND (image_path IS NOT NULL OR image_remote_url IS NOT NULL)"
                      " AND shortcode IN (SELECT value FROM json_each(?)) ORDER BY shortcode");
  q.bind(1, domain.value_or(""));
  q.bind(2, nlohmann::json(shortcodes).dump());
  return read_all(q);
}

void insert_custom_emoji(Connection& c, const CustomEmojiRecord& e) {
  auto& q = c.prepare(
      "INSERT INTO custom_emojis (id, shortcode, domain, uri, image_path, image_content_type, image_remote_url,"
      " category, visible_in_picker, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, e.id);
  q.bind(2, e.shortcode);
  bind_optional(q, 3, e.domain);
  bind_optional(q, 4, e.uri);
  bind_optional(q, 5, e.image_path);
  bind_optional(q, 6, e.image_content_type);
  bind_optional(q, 7, e.image_remote_url);
  bind_optional(q, 8, e.category);
  q.bind(9, e.visible_in_picker ? 1 : 0);
  q.bind(10, e.disabled ? 1 : 0);
  q.bind(11, e.created_at);
  q.bind(12, e.updated_at);
  q.exec();
}

void update_custom_emoji(Connection& c, const CustomEmojiRecord& e) {
  auto& q = c.prepare(
      "UPDATE custom_emojis SET uri = ?, image_path = ?, image_content_type = ?, image_remote_url = ?, category = ?,"
      " visible_in_picker = ?, disabled = ?, updated_at = ? WHERE id = ?");
  bind_optional(q, 1, e.uri);
  bind_optional(q, 2, e.image_path);
  bind_optional(q, 3, e.image_content_type);
  bind_optional(q, 4, e.image_remote_url);
  bind_optional(q, 5, e.category);
  q.bind(6, e.visible_in_picker ? 1 : 0);
  q.bind(7, e.disabled ? 1 : 0);
  q.bind(8, e.updated_at);
  q.bind(9, e.id);
  q.exec();
}

void delete_custom_emoji(Connection& c, int64_t id) {
  auto& q = c.prepare("DELETE FROM custom_emojis WHERE id = ?");
  q.bind(1, id);
  q.exec();
}

}  // namespace vmst::store
