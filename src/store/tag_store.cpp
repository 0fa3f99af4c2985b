#include "store/tag_store.hpp"

namespace vmst::store {

namespace {

constexpr int64_t kDayMillis = 86'400'000;

TagRecord read_tag(SQLite::Statement& q) {
  return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()};
}

}  // namespace

std::optional<TagRecord> find_tag(Connection& c, const std::string& normalized_name) {
  auto& q = c.prepare("SELECT id, name, display_name FROM tags WHERE name = ?");
  q.bind(1, normalized_name);
  if (!q.executeStep()) return std::nullopt;
  return read_tag(q);
}

TagRecord ensure_tag(Connection& c, int64_t new_id, const std::string& normalized_name, const std::string& display_name,
                     int64_t now) {
  auto& insert = c.prepare("INSERT OR IGNORE INTO tags (id, name, display_name, created_at) VALUES (?, ?, ?, ?)");
  insert.bind(1, new_id);
  insert.bind(2, normalized_name);
  insert.bind(3, display_name);
  insert.bind(4, now);
  insert.exec();
  return *find_tag(c, normalized_name);
}

bool follows_tag(Connection& c, int64_t account_id, int64_t tag_id) {
  auto& q = c.prepare("SELECT 1 FROM tag_follows WHERE account_id = ? AND tag_id = ?");
  q.bind(1, account_id);
  q.bind(2, tag_id);
  return q.executeStep();
}

void follow_tag(Connection& c, int64_t account_id, int64_t tag_id, int64_t now) {
  auto& q = c.prepare("INSERT OR IGNORE INTO tag_follows (account_id, tag_id, created_at) VALUES (?, ?, ?)");
  q.bind(1, account_id);
  q.bind(2, tag_id);
  q.bind(3, now);
  q.exec();
}

void unfollow_tag(Connection& c, int64_t account_id, int64_t tag_id) {
  auto& q = c.prepare("DELETE FROM tag_follows WHERE account_id = ? AND tag_id = ?");
  q.bind(1, account_id);
  q.bind(2, tag_id);
  q.exec();
}

std::vector<TagRecord> followed_tags(Connection& c, int64_t account_id, const IdPage& page) {
  auto& q = c.prepare(
      "SELECT t.id, t.name, t.display_name FROM tag_follows f JOIN tags t ON t.id = f.tag_id"
      " WHERE f.account_id = :account" + page_clause("f.tag_id", page));
  q.bind(":account", account_id);
  bind_page(q, page);
  std::vector<TagRecord> out;
  while (q.executeStep()) out.push_back(read_tag(q));
  return newest_first(std::move(out), page);
}

std::vector<int64_t> local_tag_follower_ids(Connection& c, int64_t status_id) {
  auto& q = c.prepare(
      "SELECT DISTINCT f.account_id FROM status_tags st JOIN tag_follows f ON f.tag_id = st.tag_id"
      " JOIN accounts a ON a.id = f.account_id WHERE st.status_id = ? AND a.domain IS NULL");
  q.bind(1, status_id);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<TagDayUse> tag_use_by_day(Connection& c, int64_t tag_id, int64_t since_millis) {
  // Status ids start with their creation time in milliseconds (<< 16), so the range is read off the (tag, status)
  // index instead of every use the tag ever had.
  auto& q = c.prepare(
      "SELECT s.created_at / ?3 AS day, count(*), count(DISTINCT s.account_id) FROM status_tags st"
      " JOIN statuses s ON s.id = st.status_id WHERE st.tag_id = ?1 AND st.status_id >= ?2 AND s.deleted_at IS NULL"
      " GROUP BY day ORDER BY day DESC");
  q.bind(1, tag_id);
  q.bind(2, since_millis << 16);
  q.bind(3, kDayMillis);
  std::vector<TagDayUse> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64() * kDayMillis, q.getColumn(1).getInt64(), q.getColumn(2).getInt64()});
  }
  return out;
}

}  // namespace vmst::store
