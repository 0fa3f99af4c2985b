#include "store/interaction_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

bool insert_row(Connection& c, const char* sql, int64_t id, int64_t account_id, int64_t status_id, int64_t now) {
  auto& q = c.prepare(sql);
  q.bind(1, id);
  q.bind(2, account_id);
  q.bind(3, status_id);
  q.bind(4, now);
  return q.exec() == 1;
}

bool delete_row(Connection& c, const char* sql, int64_t account_id, int64_t status_id) {
  auto& q = c.prepare(sql);
  q.bind(1, account_id);
  q.bind(2, status_id);
  return q.exec() == 1;
}

std::vector<std::pair<int64_t, int64_t>> page(Connection& c, const std::string& sql, int64_t status_id,
                                              std::optional<int64_t> max_row, std::optional<int64_t> min_row,
                                              int limit) {
  std::vector<std::pair<int64_t, int64_t>> out;
  auto& q = c.prepare(sql);
  q.bind(1, status_id);
  bind_optional(q, 2, max_row);
  bind_optional(q, 3, min_row);
  q.bind(4, limit);
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  return out;
}

}  // namespace

bool insert_favourite(Connection& c, int64_t id, int64_t account_id, int64_t status_id,
                      const std::optional<std::string>& uri, int64_t now) {
  auto& q = c.prepare(
      "INSERT OR IGNORE INTO favourites (id, account_id, status_id, uri, created_at) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, id);
  q.bind(2, account_id);
  q.bind(3, status_id);
  bind_optional(q, 4, uri);
  q.bind(5, now);
  return q.exec() == 1;
}

std::optional<int64_t> delete_favourite(Connection& c, int64_t account_id, int64_t status_id) {
  auto& q = c.prepare("DELETE FROM favourites WHERE account_id = ? AND status_id = ? RETURNING id");
  q.bind(1, account_id);
  q.bind(2, status_id);
  if (!q.executeStep()) return std::nullopt;
  int64_t id = q.getColumn(0).getInt64();
  while (q.executeStep()) {
  }
  return id;
}

std::optional<int64_t> delete_favourite_by_uri(Connection& c, int64_t account_id, const std::string& uri) {
  auto& q = c.prepare("DELETE FROM favourites WHERE account_id = ? AND uri = ? RETURNING status_id");
  q.bind(1, account_id);
  q.bind(2, uri);
  if (!q.executeStep()) return std::nullopt;
  int64_t status_id = q.getColumn(0).getInt64();
  while (q.executeStep()) {
  }
  return status_id;
}

bool insert_bookmark(Connection& c, int64_t id, int64_t account_id, int64_t status_id, int64_t now) {
  return insert_row(c, "INSERT OR IGNORE INTO bookmarks (id, account_id, status_id, created_at) VALUES (?, ?, ?, ?)",
                    id, account_id, status_id, now);
}

bool delete_bookmark(Connection& c, int64_t account_id, int64_t status_id) {
  return delete_row(c, "DELETE FROM bookmarks WHERE account_id = ? AND status_id = ?", account_id, status_id);
}

bool insert_pin(Connection& c, int64_t id, int64_t account_id, int64_t status_id, int64_t now) {
  return insert_row(c,
                    "INSERT OR IGNORE INTO status_pins (id, account_id, status_id, created_at) VALUES (?, ?, ?, ?)",
                    id, account_id, status_id, now);
}

bool delete_pin(Connection& c, int64_t account_id, int64_t status_id) {
  return delete_row(c, "DELETE FROM status_pins WHERE account_id = ? AND status_id = ?", account_id, status_id);
}

int count_pins(Connection& c, int64_t account_id) {
  auto& q = c.prepare("SELECT count(*) FROM status_pins WHERE account_id = ?");
  q.bind(1, account_id);
  q.executeStep();
  return q.getColumn(0).getInt();
}

void mute_conversation(Connection& c, int64_t account_id, int64_t conversation_id) {
  auto& q = c.prepare("INSERT OR IGNORE INTO conversation_mutes (account_id, conversation_id) VALUES (?, ?)");
  q.bind(1, account_id);
  q.bind(2, conversation_id);
  q.exec();
}

void unmute_conversation(Connection& c, int64_t account_id, int64_t conversation_id) {
  auto& q = c.prepare("DELETE FROM conversation_mutes WHERE account_id = ? AND conversation_id = ?");
  q.bind(1, account_id);
  q.bind(2, conversation_id);
  q.exec();
}

std::vector<std::pair<int64_t, int64_t>> favouriters(Connection& c, int64_t status_id, std::optional<int64_t> max_row,
                                                     std::optional<int64_t> min_row, int limit) {
  return page(c,
              "SELECT id, account_id FROM favourites WHERE status_id = ?1 AND (?2 IS NULL OR id < ?2)"
              " AND (?3 IS NULL OR id > ?3) ORDER BY id DESC LIMIT ?4",
              status_id, max_row, min_row, limit);
}

std::vector<std::pair<int64_t, int64_t>> rebloggers(Connection& c, int64_t status_id, std::optional<int64_t> max_row,
                                                    std::optional<int64_t> min_row, int limit) {
  return page(c,
              "SELECT id, account_id FROM statuses WHERE reblog_of_id = ?1 AND deleted_at IS NULL"
              " AND (?2 IS NULL OR id < ?2) AND (?3 IS NULL OR id > ?3) ORDER BY id DESC LIMIT ?4",
              status_id, max_row, min_row, limit);
}

namespace {

std::vector<std::pair<int64_t, int64_t>> own_rows(Connection& c, const char* table, int64_t account_id,
                                                  const IdPage& page) {
  auto& q = c.prepare(std::string("SELECT id, status_id FROM ") + table + " WHERE account_id = :account" +
                      page_clause("id", page));
  q.bind(":account", account_id);
  bind_page(q, page);
  std::vector<std::pair<int64_t, int64_t>> rows;
  while (q.executeStep()) rows.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  return newest_first(std::move(rows), page);
}

}  // namespace

std::vector<std::pair<int64_t, int64_t>> favourites_of(Connection& c, int64_t account_id, const IdPage& page) {
  return own_rows(c, "favourites", account_id, page);
}

std::vector<std::pair<int64_t, int64_t>> bookmarks_of(Connection& c, int64_t account_id, const IdPage& page) {
  return own_rows(c, "bookmarks", account_id, page);
}

}  // namespace vmst::store
