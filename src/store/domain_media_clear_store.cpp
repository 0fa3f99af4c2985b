#include "store/domain_media_clear_store.hpp"

#include "store/account_domain_sql.hpp"
#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

// Rows of (id, file_path, thumbnail_path): the ids, and the files that exist of each.
void read_media_rows(SQLite::Statement& q, std::vector<int64_t>& ids, std::vector<std::string>& files) {
  while (q.executeStep()) {
    ids.push_back(q.getColumn(0).getInt64());
    for (int i : {1, 2}) {
      if (auto path = column_text(q, i)) files.push_back(*path);
    }
  }
}

// Emoji `e` of domain :d, its subdomains, with or without a port (as kAccountOnDomain for accounts).
constexpr const char* kEmojiOnDomain =
    "(e.domain = :d OR e.domain LIKE :d || ':%' OR e.domain LIKE '%.' || :d OR e.domain LIKE '%.' || :d || ':%')";

std::vector<int64_t> read_ids(SQLite::Statement& q) {
  std::vector<int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

}  // namespace

void mark_domain_media_clear_pending(Connection& c, const std::string& domain) {
  auto& q = c.prepare("UPDATE domain_blocks SET media_clear_pending = 1 WHERE domain = ?");
  q.bind(1, domain);
  q.exec();
}

void clear_domain_media_clear_pending(Connection& c, const std::string& domain) {
  auto& q = c.prepare("UPDATE domain_blocks SET media_clear_pending = 0 WHERE domain = ?");
  q.bind(1, domain);
  q.exec();
}

bool domain_media_clear_pending(Connection& c, const std::string& domain) {
  auto& q = c.prepare(
      "SELECT 1 FROM domain_blocks WHERE domain = ? AND media_clear_pending = 1 AND reject_media = 1");
  q.bind(1, domain);
  const bool pending = q.executeStep();
  q.reset();
  return pending;
}

std::vector<std::string> domains_pending_media_clear(Connection& c, int64_t blocked_before) {
  auto& q = c.prepare(
      "SELECT domain FROM domain_blocks WHERE media_clear_pending = 1 AND reject_media = 1 AND updated_at < ?"
      " ORDER BY id");
  q.bind(1, blocked_before);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<std::string> clear_domain_profile_images(Connection& c, const std::string& domain, int limit,
                                                     int& accounts) {
  auto& pick = c.prepare(std::string("SELECT a.id FROM accounts a WHERE a.domain IS NOT NULL AND ") +
                         kAccountOnDomain +
                         " AND (a.avatar_media_id IS NOT NULL OR a.header_media_id IS NOT NULL"
                         " OR a.avatar_remote_url IS NOT NULL OR a.header_remote_url IS NOT NULL) LIMIT :limit");
  pick.bind(":d", domain);
  pick.bind(":limit", limit);
  const std::string ids = id_list(read_ids(pick));
  auto& copies = c.prepare(
      "SELECT m.id, m.file_path, m.thumbnail_path FROM media_attachments m WHERE m.id IN"
      " (SELECT avatar_media_id FROM accounts WHERE id IN (SELECT value FROM json_each(?1))"
      " UNION SELECT header_media_id FROM accounts WHERE id IN (SELECT value FROM json_each(?1)))");
  copies.bind(1, ids);
  std::vector<std::string> files;
  std::vector<int64_t> copy_ids;
  read_media_rows(copies, copy_ids, files);
  auto& unlink = c.prepare(
      "UPDATE accounts SET avatar_media_id = NULL, header_media_id = NULL, avatar_remote_url = NULL,"
      " header_remote_url = NULL WHERE id IN (SELECT value FROM json_each(?))");
  unlink.bind(1, ids);
  accounts = unlink.exec();
  auto& drop = c.prepare("DELETE FROM media_attachments WHERE id IN (SELECT value FROM json_each(?))");
  drop.bind(1, id_list(copy_ids));
  drop.exec();
  return files;
}

std::vector<std::string> clear_domain_attachment_copies(Connection& c, const std::string& domain, int limit,
                                                        int64_t now, int& attachments) {
  auto& pick = c.prepare(std::string("SELECT m.id, m.file_path, m.thumbnail_path FROM media_attachments m"
                                     " JOIN accounts a ON a.id = m.account_id WHERE a.domain IS NOT NULL AND ") +
                         kAccountOnDomain +
                         " AND (m.file_path IS NOT NULL OR m.thumbnail_path IS NOT NULL OR m.type != 'unknown')"
                         " LIMIT :limit");
  pick.bind(":d", domain);
  pick.bind(":limit", limit);
  std::vector<int64_t> ids;
  std::vector<std::string> files;
  read_media_rows(pick, ids, files);
  auto& q = c.prepare(
      "UPDATE media_attachments SET file_path = NULL, thumbnail_path = NULL, cached = 0, type = 'unknown',"
      " blurhash = NULL, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))");
  q.bind(1, now);
  q.bind(2, id_list(ids));
  attachments = q.exec();
  return files;
}

std::vector<std::string> delete_domain_emojis(Connection& c, const std::string& domain, int limit, int& emojis) {
  auto& pick = c.prepare(std::string("SELECT e.id, e.image_path FROM custom_emojis e WHERE e.domain IS NOT NULL AND ") +
                         kEmojiOnDomain + " LIMIT :limit");
  pick.bind(":d", domain);
  pick.bind(":limit", limit);
  std::vector<int64_t> ids;
  std::vector<std::string> files;
  while (pick.executeStep()) {
    ids.push_back(pick.getColumn(0).getInt64());
    if (auto path = column_text(pick, 1)) files.push_back(*path);
  }
  auto& q = c.prepare("DELETE FROM custom_emojis WHERE id IN (SELECT value FROM json_each(?))");
  q.bind(1, id_list(ids));
  emojis = q.exec();
  return files;
}

}  // namespace vmst::store
