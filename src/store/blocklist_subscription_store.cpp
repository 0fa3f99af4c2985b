#include "store/blocklist_subscription_store.hpp"

#include "store/ids.hpp"
#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, url, format, severity_cap, etag, last_fetched_at, last_success_at, last_error, last_result,"
    " created_at FROM blocklist_subscriptions";

BlocklistSubscription read_subscription(SQLite::Statement& q) {
  BlocklistSubscription s;
  s.id = q.getColumn(0).getInt64();
  s.url = q.getColumn(1).getString();
  s.format = q.getColumn(2).getString();
  s.severity_cap = q.getColumn(3).getString();
  s.etag = column_text(q, 4);
  s.last_fetched_at = column_int(q, 5);
  s.last_success_at = column_int(q, 6);
  s.last_error = column_text(q, 7);
  s.last_result = column_text(q, 8);
  s.created_at = q.getColumn(9).getInt64();
  return s;
}

std::vector<BlocklistSubscription> read_all(SQLite::Statement& q) {
  std::vector<BlocklistSubscription> out;
  while (q.executeStep()) out.push_back(read_subscription(q));
  return out;
}

}  // namespace

int64_t upsert_blocklist_subscription(Connection& c, const BlocklistSubscription& s) {
  auto& q = c.prepare(
      "INSERT INTO blocklist_subscriptions (id, url, format, severity_cap, created_at) VALUES (?, ?, ?, ?, ?)"
      " ON CONFLICT (url) DO UPDATE SET format = excluded.format, severity_cap = excluded.severity_cap"
      " RETURNING id");
  q.bind(1, s.id ? s.id : next_id());
  q.bind(2, s.url);
  q.bind(3, s.format);
  q.bind(4, s.severity_cap);
  q.bind(5, s.created_at);
  q.executeStep();
  int64_t id = q.getColumn(0).getInt64();
  q.reset();
  return id;
}

std::optional<BlocklistSubscription> find_blocklist_subscription(Connection& c, const std::string& url) {
  auto& q = c.prepare(std::string(kColumns) + " WHERE url = ?");
  q.bind(1, url);
  if (!q.executeStep()) return std::nullopt;
  return read_subscription(q);
}

std::vector<BlocklistSubscription> list_blocklist_subscriptions(Connection& c) {
  auto& q = c.prepare(std::string(kColumns) + " ORDER BY url");
  return read_all(q);
}

bool delete_blocklist_subscription(Connection& c, int64_t id) {
  auto& q = c.prepare("DELETE FROM blocklist_subscriptions WHERE id = ?");
  q.bind(1, id);
  return q.exec() > 0;
}

std::vector<BlocklistSubscription> due_blocklist_subscriptions(Connection& c, int64_t fetched_before) {
  auto& q = c.prepare(std::string(kColumns) + " WHERE last_fetched_at IS NULL OR last_fetched_at < ? ORDER BY id");
  q.bind(1, fetched_before);
  return read_all(q);
}

void record_blocklist_fetch(Connection& c, int64_t id, int64_t now, const std::optional<std::string>& etag,
                            const std::string& error, const std::string& result) {
  auto& q = c.prepare(
      "UPDATE blocklist_subscriptions SET last_fetched_at = :now,"
      " etag = CASE WHEN :error = '' THEN :etag ELSE etag END,"
      " last_success_at = CASE WHEN :error = '' THEN :now ELSE last_success_at END,"
      " last_error = nullif(:error, ''),"
      " last_result = CASE WHEN :error = '' THEN :result ELSE last_result END"
      " WHERE id = :id");
  q.bind(":now", now);
  bind_optional(q, q.getIndex(":etag"), etag);
  q.bind(":error", error);
  q.bind(":result", result);
  q.bind(":id", id);
  q.exec();
}

std::vector<std::string> domains_blocked_by_subscription(Connection& c, int64_t id) {
  auto& q = c.prepare("SELECT domain FROM domain_blocks WHERE subscription_id = ? ORDER BY domain");
  q.bind(1, id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

}  // namespace vmst::store
