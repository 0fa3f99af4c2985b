#include "store/fan_out_store.hpp"

namespace vmst::store {

std::vector<int64_t> local_follower_ids(Connection& c, int64_t account_id, bool for_reblog) {
  std::vector<int64_t> out;
  auto& q = c.prepare(
      "SELECT f.account_id FROM follows f JOIN accounts a ON a.id = f.account_id"
      " WHERE f.target_account_id = ? AND a.domain IS NULL AND (? = 0 OR f.show_reblogs = 1)");
  q.bind(1, account_id);
  q.bind(2, for_reblog ? 1 : 0);
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<RemoteInbox> remote_follower_inboxes(Connection& c, int64_t account_id) {
  std::vector<RemoteInbox> out;
  auto& q = c.prepare(
      "SELECT a.inbox_url, a.shared_inbox_url FROM follows f JOIN accounts a ON a.id = f.account_id"
      " WHERE f.target_account_id = ? AND a.domain IS NOT NULL AND a.suspended_at IS NULL AND a.gone_at IS NULL");
  q.bind(1, account_id);
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return out;
}

void insert_home_feed(Connection& c, const std::vector<int64_t>& account_ids, int64_t status_id) {
  auto& q = c.prepare("INSERT OR IGNORE INTO home_feed (account_id, status_id) VALUES (?, ?)");
  for (int64_t account_id : account_ids) {
    q.reset();
    q.bind(1, account_id);
    q.bind(2, status_id);
    q.exec();
  }
  if (!account_ids.empty()) {
    c.record_event({CommitEvent::Kind::HomeFeedAdded, status_id, 0, account_ids, {}});
  }
}

std::vector<int64_t> home_feed_holders(Connection& c, int64_t status_id) {
  auto& q = c.prepare("SELECT account_id FROM home_feed INDEXED BY home_feed_status WHERE status_id = ?");
  q.bind(1, status_id);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

void index_status_text(Connection& c, int64_t status_id, const std::string& plain_text) {
  unindex_status_text(c, status_id);
  auto& q = c.prepare("INSERT INTO statuses_fts (rowid, plain_text) VALUES (?, ?)");
  q.bind(1, status_id);
  q.bind(2, plain_text);
  q.exec();
}

void unindex_status_text(Connection& c, int64_t status_id) {
  auto& q = c.prepare("DELETE FROM statuses_fts WHERE rowid = ?");
  q.bind(1, status_id);
  q.exec();
}

}  // namespace vmst::store
