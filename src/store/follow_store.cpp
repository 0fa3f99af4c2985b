#include "store/follow_store.hpp"

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
