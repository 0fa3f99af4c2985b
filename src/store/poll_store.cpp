#include "store/poll_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kPollColumns =
    "SELECT id, status_id, account_id, options, votes_counts, multiple, hide_totals, votes_count, voters_count,"
    " expires_at, last_fetched_at, closed_at, created_at FROM polls ";

template <class T>
std::vector<T> json_list(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<T> out;
  if (!parsed.is_array()) return out;
  for (const auto& item : parsed) {
    if constexpr (std::is_same_v<T, std::string>) {
      if (item.is_string()) out.push_back(item.get<std::string>());
    } else {
      out.push_back(item.is_number_integer() ? item.get<T>() : T{});
    }
  }
  return out;
}

PollRecord read_poll(SQLite::Statement& q) {
  PollRecord p;
  int i = 0;
  p.id = q.getColumn(i++).getInt64();
  p.status_id = q.getColumn(i++).getInt64();
  p.account_id = q.getColumn(i++).getInt64();
  p.options = json_list<std::string>(q.getColumn(i++).getString());
  p.votes_counts = json_list<int64_t>(q.getColumn(i++).getString());
  // Tallies always line up with the options, whatever an older row holds.
  p.votes_counts.resize(p.options.size(), 0);
  p.multiple = q.getColumn(i++).getInt() != 0;
  p.hide_totals = q.getColumn(i++).getInt() != 0;
  p.votes_count = q.getColumn(i++).getInt64();
  p.voters_count = column_int(q, i++);
  p.expires_at = column_int(q, i++);
  p.last_fetched_at = column_int(q, i++);
  p.closed_at = column_int(q, i++);
  p.created_at = q.getColumn(i++).getInt64();
  return p;
}

std::optional<PollRecord> one(SQLite::Statement& q) {
  if (!q.executeStep()) return std::nullopt;
  return read_poll(q);
}

}  // namespace

void insert_poll(Connection& c, const PollRecord& p) {
  auto& q = c.prepare(
      "INSERT INTO polls (id, status_id, account_id, options, votes_counts, multiple, hide_totals, votes_count,"
      " voters_count, expires_at, last_fetched_at, closed_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  int i = 1;
  q.bind(i++, p.id);
  q.bind(i++, p.status_id);
  q.bind(i++, p.account_id);
  q.bind(i++, nlohmann::json(p.options).dump());
  q.bind(i++, nlohmann::json(p.votes_counts).dump());
  q.bind(i++, p.multiple ? 1 : 0);
  q.bind(i++, p.hide_totals ? 1 : 0);
  q.bind(i++, p.votes_count);
  bind_optional(q, i++, p.voters_count);
  bind_optional(q, i++, p.expires_at);
  bind_optional(q, i++, p.last_fetched_at);
  bind_optional(q, i++, p.closed_at);
  q.bind(i++, p.created_at);
  q.exec();
}

std::optional<PollRecord> find_poll(Connection& c, int64_t id) {
  auto& q = c.prepare(std::string(kPollColumns) + "WHERE id = ?");
  q.bind(1, id);
  return one(q);
}

std::optional<PollRecord> find_poll_by_status(Connection& c, int64_t status_id) {
  auto& q = c.prepare(std::string(kPollColumns) + "WHERE status_id = ?");
  q.bind(1, status_id);
  return one(q);
}

std::vector<PollRecord> polls_of_statuses(Connection& c, const std::vector<int64_t>& status_ids) {
  std::vector<PollRecord> out;
  if (status_ids.empty()) return out;
  auto& q = c.prepare(std::string(kPollColumns) + "WHERE status_id IN (SELECT value FROM json_each(?))");
  q.bind(1, id_list(status_ids));
  while (q.executeStep()) out.push_back(read_poll(q));
  return out;
}

void delete_poll_of_status(Connection& c, int64_t status_id) {
  auto& q = c.prepare("DELETE FROM polls WHERE status_id = ?");
  q.bind(1, status_id);
  q.exec();
}

void update_poll_counts(Connection& c, int64_t poll_id, const std::vector<int64_t>& votes_counts, int64_t votes_count,
                        std::optional<int64_t> voters_count) {
  auto& q = c.prepare("UPDATE polls SET votes_counts = ?, votes_count = ?, voters_count = ? WHERE id = ?");
  q.bind(1, nlohmann::json(votes_counts).dump());
  q.bind(2, votes_count);
  bind_optional(q, 3, voters_count);
  q.bind(4, poll_id);
  q.exec();
}

void update_local_poll_settings(Connection& c, int64_t poll_id, bool hide_totals, std::optional<int64_t> expires_at) {
  auto& q = c.prepare("UPDATE polls SET hide_totals = ?, expires_at = ?, closed_at = NULL WHERE id = ?");
  q.bind(1, hide_totals ? 1 : 0);
  bind_optional(q, 2, expires_at);
  q.bind(3, poll_id);
  q.exec();
}

void update_remote_poll(Connection& c, const PollRecord& p) {
  auto& q = c.prepare(
      "UPDATE polls SET options = ?, votes_counts = ?, multiple = ?, votes_count = ?, voters_count = ?,"
      " expires_at = ?, last_fetched_at = ? WHERE id = ?");
  int i = 1;
  q.bind(i++, nlohmann::json(p.options).dump());
  q.bind(i++, nlohmann::json(p.votes_counts).dump());
  q.bind(i++, p.multiple ? 1 : 0);
  q.bind(i++, p.votes_count);
  bind_optional(q, i++, p.voters_count);
  bind_optional(q, i++, p.expires_at);
  bind_optional(q, i++, p.last_fetched_at);
  q.bind(i++, p.id);
  q.exec();
}

bool insert_poll_vote(Connection& c, int64_t id, int64_t poll_id, int64_t account_id, int choice,
                      const std::optional<std::string>& uri, int64_t now) {
  auto& q = c.prepare(
      "INSERT OR IGNORE INTO poll_votes (id, poll_id, account_id, choice, uri, created_at) VALUES (?,?,?,?,?,?)");
  q.bind(1, id);
  q.bind(2, poll_id);
  q.bind(3, account_id);
  q.bind(4, choice);
  bind_optional(q, 5, uri);
  q.bind(6, now);
  return q.exec() > 0;
}

std::map<int64_t, std::vector<int>> own_poll_votes(Connection& c, int64_t account_id,
                                                   const std::vector<int64_t>& poll_ids) {
  std::map<int64_t, std::vector<int>> out;
  if (poll_ids.empty()) return out;
  auto& q = c.prepare(
      "SELECT poll_id, choice FROM poll_votes WHERE account_id = ? AND poll_id IN (SELECT value FROM json_each(?))"
      " ORDER BY poll_id, choice");
  q.bind(1, account_id);
  q.bind(2, id_list(poll_ids));
  while (q.executeStep()) out[q.getColumn(0).getInt64()].push_back(q.getColumn(1).getInt());
  return out;
}

std::vector<int64_t> poll_voter_ids(Connection& c, int64_t poll_id) {
  std::vector<int64_t> out;
  auto& q = c.prepare("SELECT DISTINCT account_id FROM poll_votes WHERE poll_id = ? ORDER BY account_id");
  q.bind(1, poll_id);
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

bool poll_vote_uri_exists(Connection& c, const std::string& uri) {
  auto& q = c.prepare("SELECT 1 FROM poll_votes WHERE uri = ? LIMIT 1");
  q.bind(1, uri);
  return q.executeStep();
}

void mark_poll_counts_changed(Connection& c, int64_t poll_id, int64_t now) {
  auto& q = c.prepare("UPDATE polls SET counts_changed_at = coalesce(counts_changed_at, ?) WHERE id = ?");
  q.bind(1, now);
  q.bind(2, poll_id);
  q.exec();
}

std::vector<PollRecord> polls_with_unsent_counts(Connection& c, int64_t changed_before, int limit) {
  std::vector<PollRecord> out;
  auto& q = c.prepare(std::string(kPollColumns) +
                      "WHERE counts_changed_at IS NOT NULL AND counts_changed_at <= ? AND closed_at IS NULL"
                      " ORDER BY counts_changed_at LIMIT ?");
  q.bind(1, changed_before);
  q.bind(2, limit);
  while (q.executeStep()) out.push_back(read_poll(q));
  return out;
}

void clear_poll_counts_changed(Connection& c, int64_t poll_id) {
  auto& q = c.prepare("UPDATE polls SET counts_changed_at = NULL WHERE id = ?");
  q.bind(1, poll_id);
  q.exec();
}

std::vector<PollRecord> polls_waiting_to_close(Connection& c, int64_t now, int limit) {
  std::vector<PollRecord> out;
  auto& q = c.prepare(std::string(kPollColumns) +
                      "WHERE closed_at IS NULL AND expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at"
                      " LIMIT ?");
  q.bind(1, now);
  q.bind(2, limit);
  while (q.executeStep()) out.push_back(read_poll(q));
  return out;
}

void mark_poll_closed(Connection& c, int64_t poll_id, int64_t now) {
  auto& q = c.prepare("UPDATE polls SET closed_at = ?, counts_changed_at = NULL WHERE id = ?");
  q.bind(1, now);
  q.bind(2, poll_id);
  q.exec();
}

}  // namespace vmst::store
