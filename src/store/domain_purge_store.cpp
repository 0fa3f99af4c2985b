#include "store/domain_purge_store.hpp"

#include "store/account_domain_sql.hpp"
#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

std::vector<int64_t> read_ids(SQLite::Statement& q) {
  std::vector<int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

std::vector<std::string> read_files(SQLite::Statement& q) {
  std::vector<std::string> out;
  while (q.executeStep()) {
    for (int i = 0; i < 2; ++i) {
      if (!q.isColumnNull(i)) out.push_back(q.getColumn(i).getString());
    }
  }
  return out;
}

// Deletes the media attachments whose `owner_column` (status_id or account_id, named by the callers below, never
// by input) is one of `ids`, and returns their files for removal after the commit.
std::vector<std::string> delete_media_owned_by(Connection& c, const char* owner_column,
                                               const std::vector<int64_t>& ids) {
  const std::string where = std::string(" WHERE ") + owner_column + " IN (SELECT value FROM json_each(?))";
  auto& files = c.prepare("SELECT file_path, thumbnail_path FROM media_attachments" + where);
  files.bind(1, id_list(ids));
  auto out = read_files(files);
  auto& q = c.prepare("DELETE FROM media_attachments" + where);
  q.bind(1, id_list(ids));
  q.exec();
  return out;
}

}  // namespace

void mark_domain_purge_pending(Connection& c, const std::string& domain) {
  auto& q = c.prepare("UPDATE domain_blocks SET purge_pending = 1 WHERE domain = ?");
  q.bind(1, domain);
  q.exec();
}

void clear_domain_purge_pending(Connection& c, const std::string& domain) {
  auto& q = c.prepare("UPDATE domain_blocks SET purge_pending = 0 WHERE domain = ?");
  q.bind(1, domain);
  q.exec();
}

bool domain_purge_pending(Connection& c, const std::string& domain) {
  auto& q = c.prepare("SELECT 1 FROM domain_blocks WHERE domain = ? AND purge_pending = 1 AND severity = 'suspend'");
  q.bind(1, domain);
  const bool pending = q.executeStep();
  q.reset();
  return pending;
}

std::vector<std::string> domains_pending_purge(Connection& c, int64_t blocked_before) {
  auto& q = c.prepare(
      "SELECT domain FROM domain_blocks WHERE purge_pending = 1 AND severity = 'suspend' AND updated_at < ?"
      " ORDER BY id");
  q.bind(1, blocked_before);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<int64_t> domain_status_batch(Connection& c, const std::string& domain, int limit) {
  auto& q = c.prepare(std::string("SELECT s.id FROM statuses s JOIN accounts a ON a.id = s.account_id"
                                  " WHERE a.domain IS NOT NULL AND ") +
                      kAccountOnDomain + " LIMIT :limit");
  q.bind(":d", domain);
  q.bind(":limit", limit);
  return read_ids(q);
}

std::vector<int64_t> domain_account_batch(Connection& c, const std::string& domain, int limit) {
  auto& q = c.prepare(std::string("SELECT a.id FROM accounts a WHERE a.domain IS NOT NULL AND ") + kAccountOnDomain +
                      " LIMIT :limit");
  q.bind(":d", domain);
  q.bind(":limit", limit);
  return read_ids(q);
}

std::vector<int64_t> local_statuses_answered_by(Connection& c, const std::vector<int64_t>& status_ids) {
  auto& q = c.prepare(
      "SELECT o.id FROM statuses s JOIN statuses o ON o.id = s.reblog_of_id"
      " WHERE s.id IN (SELECT value FROM json_each(?1)) AND o.local = 1"
      " UNION SELECT o.id FROM statuses s JOIN statuses o ON o.id = s.in_reply_to_id"
      " WHERE s.id IN (SELECT value FROM json_each(?1)) AND o.local = 1");
  q.bind(1, id_list(status_ids));
  return read_ids(q);
}

std::vector<int64_t> local_statuses_favourited_by(Connection& c, const std::vector<int64_t>& account_ids) {
  auto& q = c.prepare(
      "SELECT DISTINCT f.status_id FROM favourites f JOIN statuses s ON s.id = f.status_id"
      " WHERE f.account_id IN (SELECT value FROM json_each(?)) AND s.local = 1");
  q.bind(1, id_list(account_ids));
  return read_ids(q);
}

std::vector<std::string> delete_media_of_statuses(Connection& c, const std::vector<int64_t>& status_ids) {
  return delete_media_owned_by(c, "status_id", status_ids);
}

std::vector<std::string> delete_media_of_accounts(Connection& c, const std::vector<int64_t>& account_ids) {
  return delete_media_owned_by(c, "account_id", account_ids);
}

int delete_purged_statuses(Connection& c, const std::vector<int64_t>& status_ids) {
  auto& fts = c.prepare("DELETE FROM statuses_fts WHERE rowid IN (SELECT value FROM json_each(?))");
  fts.bind(1, id_list(status_ids));
  fts.exec();
  auto& q = c.prepare("DELETE FROM statuses WHERE id IN (SELECT value FROM json_each(?))");
  q.bind(1, id_list(status_ids));
  return q.exec();
}

int delete_purged_accounts(Connection& c, const std::vector<int64_t>& account_ids) {
  auto& q = c.prepare("DELETE FROM accounts WHERE id IN (SELECT value FROM json_each(?)) AND domain IS NOT NULL");
  q.bind(1, id_list(account_ids));
  return q.exec();
}

}  // namespace vmst::store
