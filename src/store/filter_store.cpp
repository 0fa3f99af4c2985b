#include "store/filter_store.hpp"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

std::vector<std::string> parse_context(const std::string& text) {
  std::vector<std::string> out;
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array()) return out;
  for (const auto& item : parsed)
    if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

FilterRecord read_filter(SQLite::Statement& q) {
  FilterRecord f;
  f.id = q.getColumn(0).getInt64();
  f.account_id = q.getColumn(1).getInt64();
  f.title = q.getColumn(2).getString();
  f.context = parse_context(q.getColumn(3).getString());
  f.action = q.getColumn(4).getString();
  f.expires_at = column_int(q, 5);
  f.created_at = q.getColumn(6).getInt64();
  return f;
}

FilterKeywordRecord read_keyword(SQLite::Statement& q) {
  return {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(), q.getColumn(3).getInt() != 0};
}

FilterStatusRecord read_status(SQLite::Statement& q) {
  return {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()};
}

// Fills keywords and statuses of the filters in two queries.
void attach_rules(Connection& c, std::vector<FilterRecord>& filters) {
  if (filters.empty()) return;
  std::vector<int64_t> ids;
  std::unordered_map<int64_t, FilterRecord*> by_id;
  for (auto& f : filters) {
    ids.push_back(f.id);
    by_id[f.id] = &f;
  }
  const std::string list = id_list(ids);
  auto& keywords = c.prepare(
      "SELECT id, filter_id, keyword, whole_word FROM filter_keywords"
      " WHERE filter_id IN (SELECT value FROM json_each(?)) ORDER BY id");
  keywords.bind(1, list);
  while (keywords.executeStep()) {
    auto k = read_keyword(keywords);
    by_id[k.filter_id]->keywords.push_back(std::move(k));
  }
  auto& statuses = c.prepare(
      "SELECT id, filter_id, status_id FROM filter_statuses"
      " WHERE filter_id IN (SELECT value FROM json_each(?)) ORDER BY id");
  statuses.bind(1, list);
  while (statuses.executeStep()) {
    auto s = read_status(statuses);
    by_id[s.filter_id]->statuses.push_back(s);
  }
}

}  // namespace

std::vector<FilterRecord> filters_of(Connection& c, int64_t account_id, std::optional<int64_t> live_at) {
  auto& q = c.prepare(
      "SELECT id, account_id, title, context, action, expires_at, created_at FROM filters"
      " WHERE account_id = ?1 AND (?2 IS NULL OR expires_at IS NULL OR expires_at > ?2) ORDER BY id");
  q.bind(1, account_id);
  bind_optional(q, 2, live_at);
  std::vector<FilterRecord> out;
  while (q.executeStep()) out.push_back(read_filter(q));
  attach_rules(c, out);
  return out;
}

std::optional<FilterRecord> find_filter(Connection& c, int64_t account_id, int64_t filter_id) {
  auto& q = c.prepare(
      "SELECT id, account_id, title, context, action, expires_at, created_at FROM filters WHERE id = ? AND account_id = ?");
  q.bind(1, filter_id);
  q.bind(2, account_id);
  if (!q.executeStep()) return std::nullopt;
  std::vector<FilterRecord> one{read_filter(q)};
  attach_rules(c, one);
  return std::move(one.front());
}

void insert_filter(Connection& c, const FilterRecord& f) {
  auto& q = c.prepare(
      "INSERT INTO filters (id, account_id, title, context, action, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, f.id);
  q.bind(2, f.account_id);
  q.bind(3, f.title);
  q.bind(4, nlohmann::json(f.context).dump());
  q.bind(5, f.action);
  bind_optional(q, 6, f.expires_at);
  q.bind(7, f.created_at);
  q.exec();
}

void update_filter(Connection& c, const FilterRecord& f) {
  auto& q = c.prepare("UPDATE filters SET title = ?, context = ?, action = ?, expires_at = ? WHERE id = ?");
  q.bind(1, f.title);
  q.bind(2, nlohmann::json(f.context).dump());
  q.bind(3, f.action);
  bind_optional(q, 4, f.expires_at);
  q.bind(5, f.id);
  q.exec();
}

void delete_filter(Connection& c, int64_t filter_id) {
  auto& q = c.prepare("DELETE FROM filters WHERE id = ?");
  q.bind(1, filter_id);
  q.exec();
}

void insert_filter_keyword(Connection& c, const FilterKeywordRecord& k) {
  auto& q = c.prepare("INSERT INTO filter_keywords (id, filter_id, keyword, whole_word) VALUES (?, ?, ?, ?)");
  q.bind(1, k.id);
  q.bind(2, k.filter_id);
  q.bind(3, k.keyword);
  q.bind(4, k.whole_word ? 1 : 0);
  q.exec();
}

void update_filter_keyword(Connection& c, const FilterKeywordRecord& k) {
  auto& q = c.prepare("UPDATE filter_keywords SET keyword = ?, whole_word = ? WHERE id = ?");
  q.bind(1, k.keyword);
  q.bind(2, k.whole_word ? 1 : 0);
  q.bind(3, k.id);
  q.exec();
}

void delete_filter_keyword(Connection& c, int64_t keyword_id) {
  auto& q = c.prepare("DELETE FROM filter_keywords WHERE id = ?");
  q.bind(1, keyword_id);
  q.exec();
}

std::optional<FilterKeywordRecord> find_filter_keyword(Connection& c, int64_t account_id, int64_t keyword_id) {
  auto& q = c.prepare(
      "SELECT k.id, k.filter_id, k.keyword, k.whole_word FROM filter_keywords k JOIN filters f ON f.id = k.filter_id"
      " WHERE k.id = ? AND f.account_id = ?");
  q.bind(1, keyword_id);
  q.bind(2, account_id);
  if (!q.executeStep()) return std::nullopt;
  return read_keyword(q);
}

void insert_filter_status(Connection& c, const FilterStatusRecord& s) {
  auto& q = c.prepare("INSERT INTO filter_statuses (id, filter_id, status_id) VALUES (?, ?, ?)");
  q.bind(1, s.id);
  q.bind(2, s.filter_id);
  q.bind(3, s.status_id);
  q.exec();
}

void delete_filter_status(Connection& c, int64_t id) {
  auto& q = c.prepare("DELETE FROM filter_statuses WHERE id = ?");
  q.bind(1, id);
  q.exec();
}

std::optional<FilterStatusRecord> find_filter_status(Connection& c, int64_t account_id, int64_t id) {
  auto& q = c.prepare(
      "SELECT s.id, s.filter_id, s.status_id FROM filter_statuses s JOIN filters f ON f.id = s.filter_id"
      " WHERE s.id = ? AND f.account_id = ?");
  q.bind(1, id);
  q.bind(2, account_id);
  if (!q.executeStep()) return std::nullopt;
  return read_status(q);
}

}  // namespace vmst::store
