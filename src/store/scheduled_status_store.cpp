#include "store/scheduled_status_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kColumns = "SELECT id, account_id, scheduled_at, params, created_at FROM scheduled_statuses";

ScheduledStatusRecord read_row(SQLite::Statement& q) {
  return ScheduledStatusRecord{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                               q.getColumn(3).getString(), q.getColumn(4).getInt64()};
}

}  // namespace

void insert_scheduled_status(Connection& c, const ScheduledStatusRecord& r) {
  auto& q = c.prepare(
      "INSERT INTO scheduled_statuses (id, account_id, scheduled_at, params, created_at) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, r.id);
  q.bind(2, r.account_id);
  q.bind(3, r.scheduled_at);
  q.bind(4, r.params_json);
  q.bind(5, r.created_at);
  q.exec();
}

std::optional<ScheduledStatusRecord> find_scheduled_status(Connection& c, int64_t account_id, int64_t id) {
  auto& q = c.prepare(std::string(kColumns) + " WHERE id = ? AND account_id = ?");
  q.bind(1, id);
  q.bind(2, account_id);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

std::vector<ScheduledStatusRecord> scheduled_statuses_page(Connection& c, int64_t account_id, const IdPage& page) {
  auto& q = c.prepare(std::string(kColumns) + " WHERE account_id = :account" + page_clause("id", page));
  q.bind(":account", account_id);
  bind_page(q, page);
  std::vector<ScheduledStatusRecord> out;
  while (q.executeStep()) out.push_back(read_row(q));
  return newest_first(std::move(out), page);
}

void set_scheduled_at(Connection& c, int64_t id, int64_t scheduled_at) {
  auto& q = c.prepare("UPDATE scheduled_statuses SET scheduled_at = ? WHERE id = ?");
  q.bind(1, scheduled_at);
  q.bind(2, id);
  q.exec();
}

void delete_scheduled_status(Connection& c, int64_t id) {
  auto& q = c.prepare("DELETE FROM scheduled_statuses WHERE id = ?");
  q.bind(1, id);
  q.exec();
}

std::vector<ScheduledStatusRecord> due_scheduled_statuses(Connection& c, int64_t now, int limit) {
  auto& q = c.prepare(std::string(kColumns) + " WHERE scheduled_at <= ? ORDER BY scheduled_at, id LIMIT ?");
  q.bind(1, now);
  q.bind(2, limit);
  std::vector<ScheduledStatusRecord> out;
  while (q.executeStep()) out.push_back(read_row(q));
  return out;
}

int64_t count_scheduled_statuses(Connection& c, int64_t account_id, int64_t from, int64_t to) {
  auto& q = c.prepare(
      "SELECT count(*) FROM scheduled_statuses WHERE account_id = ? AND scheduled_at >= ? AND scheduled_at < ?");
  q.bind(1, account_id);
  q.bind(2, from);
  q.bind(3, to);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

void reserve_media(Connection& c, int64_t scheduled_status_id, const std::vector<int64_t>& media_ids) {
  auto& q = c.prepare("UPDATE media_attachments SET scheduled_status_id = ?, position = ? WHERE id = ?");
  int position = 0;
  for (int64_t id : media_ids) {
    q.reset();
    q.bind(1, scheduled_status_id);
    q.bind(2, position++);
    q.bind(3, id);
    q.exec();
  }
}

std::optional<int64_t> media_reserved_for(Connection& c, int64_t media_id) {
  auto& q = c.prepare("SELECT scheduled_status_id FROM media_attachments WHERE id = ?");
  q.bind(1, media_id);
  if (!q.executeStep()) return std::nullopt;
  return column_int(q, 0);
}

}  // namespace vmst::store
