#include "store/domain_purge_store.hpp"

#include "store/account_domain_sql.hpp"
#include "store/commit_events.hpp"
#include "store/fan_out_store.hpp"
#include "store/sql_values.hpp"
#include "store/status_store.hpp"

#include <unordered_map>

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

std::vector<int64_t> account_status_batch(Connection& c, int64_t account_id, int limit) {
  auto& q = c.prepare("SELECT id FROM statuses WHERE account_id = ? LIMIT ?");
  q.bind(1, account_id);
  q.bind(2, limit);
  return read_ids(q);
}

void record_status_deletion_events(Connection& c, const std::vector<int64_t>& status_ids) {
  if (status_ids.empty()) return;
  auto& q = c.prepare(
      "SELECT value FROM json_each(?1)"
      " UNION SELECT b.id FROM statuses b WHERE b.reblog_of_id IN (SELECT value FROM json_each(?1))");
  q.bind(1, id_list(status_ids));
  auto ids = read_ids(q);
  std::unordered_map<int64_t, std::vector<std::string>> tags;
  for (auto& [status_id, tag] : tags_of(c, ids)) tags[status_id].push_back(std::move(tag));
  for (int64_t id : ids) {
    c.record_event({CommitEvent::Kind::StatusDeleted, id, 0, home_feed_holders(c, id), std::move(tags[id])});
  }
}

std::vector<std::pair<int64_t, int>> local_boosters_of(Connection& c, const std::vector<int64_t>& status_ids) {
  auto& q = c.prepare(
      "SELECT b.account_id, count(*) FROM statuses b JOIN accounts l ON l.id = b.account_id"
      " WHERE b.reblog_of_id IN (SELECT value FROM json_each(?)) AND l.domain IS NULL GROUP BY b.account_id");
  q.bind(1, id_list(status_ids));
  std::vector<std::pair<int64_t, int>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt());
  return out;
}

std::vector<int64_t> local_accounts_following_or_followed_by(Connection& c, const std::vector<int64_t>& account_ids) {
  auto& q = c.prepare(
      "SELECT f.account_id FROM follows f JOIN accounts l ON l.id = f.account_id"
      " WHERE f.target_account_id IN (SELECT value FROM json_each(?1)) AND l.domain IS NULL"
      " UNION SELECT f.target_account_id FROM follows f JOIN accounts l ON l.id = f.target_account_id"
      " WHERE f.account_id IN (SELECT value FROM json_each(?1)) AND l.domain IS NULL");
  q.bind(1, id_list(account_ids));
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
