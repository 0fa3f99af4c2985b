#include "store/follow_store.hpp"

#include "store/follow_row.hpp"

#include <algorithm>

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {
bool exists(Connection& c, const std::string& sql, int64_t a, int64_t b) {
  auto& q = c.prepare(sql);
  q.bind(1, a);
  q.bind(2, b);
  return q.executeStep();
}

void adjust_counts(Connection& c, int64_t follower, int64_t target, int delta) {
  auto& followers = c.prepare("UPDATE account_stats SET followers_count = max(0, followers_count + ?) WHERE account_id = ?");
  followers.bind(1, delta);
  followers.bind(2, target);
  followers.exec();
  auto& following = c.prepare("UPDATE account_stats SET following_count = max(0, following_count + ?) WHERE account_id = ?");
  following.bind(1, delta);
  following.bind(2, follower);
  following.exec();
}

bool insert_relation(Connection& c, const char* table, int64_t id, int64_t account_id, int64_t target_account_id,
                     const std::optional<std::string>& uri, int64_t now) {
  auto& q = c.prepare(std::string("INSERT INTO ") + table +
                      " (id, account_id, target_account_id, uri, created_at) VALUES (?, ?, ?, ?, ?)"
                      " ON CONFLICT (account_id, target_account_id) DO NOTHING");
  q.bind(1, id);
  q.bind(2, account_id);
  q.bind(3, target_account_id);
  if (uri) q.bind(4, *uri); else q.bind(4);
  q.bind(5, now);
  q.exec();
  return c.changes() == 1;
}

bool delete_relation(Connection& c, const char* table, int64_t account_id, int64_t target_account_id) {
  auto& q = c.prepare(std::string("DELETE FROM ") + table + " WHERE account_id = ? AND target_account_id = ?");
  q.bind(1, account_id);
  q.bind(2, target_account_id);
  q.exec();
  return c.changes() == 1;
}
}  // namespace

bool is_blocking(Connection& c, int64_t account_id, int64_t target_account_id) {
  return exists(c, "SELECT 1 FROM blocks WHERE account_id = ? AND target_account_id = ?", account_id, target_account_id);
}

bool is_following(Connection& c, int64_t account_id, int64_t target_account_id) {
  return exists(c, "SELECT 1 FROM follows WHERE account_id = ? AND target_account_id = ?", account_id, target_account_id);
}

bool has_follow_request(Connection& c, int64_t account_id, int64_t target_account_id) {
  return exists(c, "SELECT 1 FROM follow_requests WHERE account_id = ? AND target_account_id = ?", account_id,
                target_account_id);
}

bool insert_follow(Connection& c, int64_t id, int64_t account_id, int64_t target_account_id,
                   const std::optional<std::string>& uri, int64_t now) {
  if (!insert_relation(c, "follows", id, account_id, target_account_id, uri, now)) return false;
  adjust_counts(c, account_id, target_account_id, +1);
  return true;
}

bool insert_follow_request(Connection& c, int64_t id, int64_t account_id, int64_t target_account_id,
                           const std::optional<std::string>& uri, int64_t now) {
  return insert_relation(c, "follow_requests", id, account_id, target_account_id, uri, now);
}

std::optional<std::pair<int64_t, int64_t>> follow_by_uri(Connection& c, const std::string& uri) {
  auto& q = c.prepare(
      "SELECT account_id, target_account_id FROM follows WHERE uri = ?1"
      " UNION ALL SELECT account_id, target_account_id FROM follow_requests WHERE uri = ?1 LIMIT 1");
  q.bind(1, uri);
  if (!q.executeStep()) return std::nullopt;
  return std::make_pair(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
}

namespace {
std::vector<std::string> uris(Connection& c, const char* sql, int64_t account_id, int limit, int offset) {
  auto& q = c.prepare(sql);
  q.bind(1, account_id);
  q.bind(2, limit);
  q.bind(3, offset);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}
}  // namespace

std::vector<std::string> follower_uris(Connection& c, int64_t account_id, int limit, int offset) {
  return uris(c,
              "SELECT a.uri FROM follows f JOIN accounts a ON a.id = f.account_id WHERE f.target_account_id = ?"
              " ORDER BY f.id DESC LIMIT ? OFFSET ?",
              account_id, limit, offset);
}

std::vector<std::string> following_uris(Connection& c, int64_t account_id, int limit, int offset) {
  return uris(c,
              "SELECT a.uri FROM follows f JOIN accounts a ON a.id = f.target_account_id WHERE f.account_id = ?"
              " ORDER BY f.id DESC LIMIT ? OFFSET ?",
              account_id, limit, offset);
}

bool delete_follow(Connection& c, int64_t account_id, int64_t target_account_id) {
  if (!delete_relation(c, "follows", account_id, target_account_id)) return false;
  adjust_counts(c, account_id, target_account_id, -1);
  return true;
}

bool delete_follow_request(Connection& c, int64_t account_id, int64_t target_account_id) {
  return delete_relation(c, "follow_requests", account_id, target_account_id);
}

}  // namespace vmst::store

namespace vmst::store {

FollowRecord read_follow(SQLite::Statement& q) {
  FollowRecord f;
  f.id = q.getColumn(0).getInt64();
  f.account_id = q.getColumn(1).getInt64();
  f.target_account_id = q.getColumn(2).getInt64();
  f.uri = column_text(q, 3);
  f.show_reblogs = q.getColumn(4).getInt() != 0;
  f.notify = q.getColumn(5).getInt() != 0;
  f.languages_json = column_text(q, 6);
  f.created_at = q.getColumn(7).getInt64();
  return f;
}

namespace {

std::string follow_columns(const char* table) {
  return std::string("SELECT id, account_id, target_account_id, uri, show_reblogs, notify, languages, created_at FROM ") +
         table + " ";
}

std::optional<FollowRecord> find_pair(Connection& c, const char* table, int64_t account_id, int64_t target_account_id) {
  auto& q = c.prepare(follow_columns(table) + "WHERE account_id = ? AND target_account_id = ?");
  q.bind(1, account_id);
  q.bind(2, target_account_id);
  if (!q.executeStep()) return std::nullopt;
  return read_follow(q);
}

void set_options(Connection& c, const char* table, int64_t account_id, int64_t target_account_id, bool show_reblogs,
                 bool notify, const std::optional<std::string>& languages_json) {
  auto& q = c.prepare(std::string("UPDATE ") + table +
                      " SET show_reblogs = ?, notify = ?, languages = ? WHERE account_id = ? AND target_account_id = ?");
  q.bind(1, show_reblogs ? 1 : 0);
  q.bind(2, notify ? 1 : 0);
  bind_optional(q, 3, languages_json);
  q.bind(4, account_id);
  q.bind(5, target_account_id);
  q.exec();
}

std::vector<PagedId> paged(Connection& c, const std::string& sql, int64_t key, const PageRange& page) {
  auto& q = c.prepare(sql + paging_clause("r.id", 2, page));
  q.bind(1, key);
  bind_paging(q, 2, page);
  std::vector<PagedId> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64()});
  if (page.ascending()) std::reverse(out.begin(), out.end());
  return out;
}

std::vector<FollowRecord> on_domain(Connection& c, const char* table, int64_t account_id, const std::string& domain) {
  auto& q = c.prepare(
      "SELECT r.id, r.account_id, r.target_account_id, r.uri, r.show_reblogs, r.notify, r.languages, r.created_at"
      " FROM " + std::string(table) + " r JOIN accounts a ON a.id = r.account_id"
      " WHERE r.target_account_id = ? AND lower(a.domain) = lower(?)");
  q.bind(1, account_id);
  q.bind(2, domain);
  std::vector<FollowRecord> out;
  while (q.executeStep()) out.push_back(read_follow(q));
  return out;
}
}  // namespace

std::optional<FollowRecord> find_follow(Connection& c, int64_t account_id, int64_t target_account_id) {
  return find_pair(c, "follows", account_id, target_account_id);
}

std::optional<FollowRecord> find_follow_request(Connection& c, int64_t account_id, int64_t target_account_id) {
  return find_pair(c, "follow_requests", account_id, target_account_id);
}

std::optional<FollowRecord> find_follow_request_by_uri(Connection& c, const std::string& uri) {
  auto& q = c.prepare(follow_columns("follow_requests") + "WHERE uri = ?");
  q.bind(1, uri);
  if (!q.executeStep()) return std::nullopt;
  return read_follow(q);
}

void set_follow_options(Connection& c, int64_t account_id, int64_t target_account_id, bool show_reblogs, bool notify,
                        const std::optional<std::string>& languages_json) {
  set_options(c, "follows", account_id, target_account_id, show_reblogs, notify, languages_json);
}

void set_follow_request_options(Connection& c, int64_t account_id, int64_t target_account_id, bool show_reblogs,
                                bool notify, const std::optional<std::string>& languages_json) {
  set_options(c, "follow_requests", account_id, target_account_id, show_reblogs, notify, languages_json);
}

std::vector<PagedId> followers_page(Connection& c, int64_t account_id, const PageRange& page) {
  return paged(c, "SELECT r.id, r.account_id FROM follows r WHERE r.target_account_id = ?1", account_id, page);
}

std::vector<PagedId> following_page(Connection& c, int64_t account_id, const PageRange& page) {
  return paged(c, "SELECT r.id, r.target_account_id FROM follows r WHERE r.account_id = ?1", account_id, page);
}

std::vector<PagedId> follow_requests_page(Connection& c, int64_t target_account_id, const PageRange& page) {
  return paged(c, "SELECT r.id, r.account_id FROM follow_requests r WHERE r.target_account_id = ?1",
               target_account_id, page);
}

int64_t count_follow_requests(Connection& c, int64_t target_account_id) {
  auto& q = c.prepare("SELECT count(*) FROM follow_requests WHERE target_account_id = ?");
  q.bind(1, target_account_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<int64_t> familiar_followers(Connection& c, int64_t viewer, int64_t target, int limit) {
  auto& q = c.prepare(
      "SELECT f.account_id FROM follows f JOIN follows mine ON mine.target_account_id = f.account_id"
      " AND mine.account_id = ?1 JOIN accounts a ON a.id = f.account_id"
      " WHERE f.target_account_id = ?2 AND f.account_id <> ?1 AND a.hide_collections = 0"
      " ORDER BY f.id DESC LIMIT ?3");
  q.bind(1, viewer);
  q.bind(2, target);
  q.bind(3, limit);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<FollowRecord> followers_on_domain(Connection& c, int64_t account_id, const std::string& domain) {
  return on_domain(c, "follows", account_id, domain);
}

std::vector<FollowRecord> follow_requests_on_domain(Connection& c, int64_t account_id, const std::string& domain) {
  return on_domain(c, "follow_requests", account_id, domain);
}

}  // namespace vmst::store
