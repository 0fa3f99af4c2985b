#include "store/list_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kColumns = "SELECT id, account_id, title, replies_policy, exclusive, created_at FROM lists ";

ListRecord read_list(SQLite::Statement& q) {
  ListRecord l;
  l.id = q.getColumn(0).getInt64();
  l.account_id = q.getColumn(1).getInt64();
  l.title = q.getColumn(2).getString();
  l.replies_policy = q.getColumn(3).getString();
  l.exclusive = q.getColumn(4).getInt() != 0;
  l.created_at = q.getColumn(5).getInt64();
  return l;
}

}  // namespace

std::vector<ListRecord> lists_of(Connection& c, int64_t account_id) {
  auto& q = c.prepare(std::string(kColumns) + "WHERE account_id = ? ORDER BY id");
  q.bind(1, account_id);
  std::vector<ListRecord> out;
  while (q.executeStep()) out.push_back(read_list(q));
  return out;
}

std::vector<ListRecord> lists_containing(Connection& c, int64_t owner, int64_t member_id) {
  auto& q = c.prepare(std::string(kColumns) +
                      "WHERE account_id = ? AND id IN (SELECT list_id FROM list_accounts WHERE account_id = ?) ORDER BY id");
  q.bind(1, owner);
  q.bind(2, member_id);
  std::vector<ListRecord> out;
  while (q.executeStep()) out.push_back(read_list(q));
  return out;
}

std::vector<ListRecord> lists_with_member(Connection& c, int64_t member_id) {
  auto& q = c.prepare(std::string(kColumns) + "WHERE id IN (SELECT list_id FROM list_accounts WHERE account_id = ?)");
  q.bind(1, member_id);
  std::vector<ListRecord> out;
  while (q.executeStep()) out.push_back(read_list(q));
  return out;
}

int64_t count_lists(Connection& c, int64_t account_id) {
  auto& q = c.prepare("SELECT count(*) FROM lists WHERE account_id = ?");
  q.bind(1, account_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::optional<ListRecord> find_list(Connection& c, int64_t account_id, int64_t list_id) {
  auto& q = c.prepare(std::string(kColumns) + "WHERE id = ? AND account_id = ?");
  q.bind(1, list_id);
  q.bind(2, account_id);
  if (!q.executeStep()) return std::nullopt;
  return read_list(q);
}

void insert_list(Connection& c, const ListRecord& l) {
  auto& q = c.prepare(
      "INSERT INTO lists (id, account_id, title, replies_policy, exclusive, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, l.id);
  q.bind(2, l.account_id);
  q.bind(3, l.title);
  q.bind(4, l.replies_policy);
  q.bind(5, l.exclusive ? 1 : 0);
  q.bind(6, l.created_at);
  q.exec();
}

void update_list(Connection& c, const ListRecord& l) {
  auto& q = c.prepare("UPDATE lists SET title = ?, replies_policy = ?, exclusive = ? WHERE id = ?");
  q.bind(1, l.title);
  q.bind(2, l.replies_policy);
  q.bind(3, l.exclusive ? 1 : 0);
  q.bind(4, l.id);
  q.exec();
}

void delete_list(Connection& c, int64_t list_id) {
  auto& q = c.prepare("DELETE FROM lists WHERE id = ?");
  q.bind(1, list_id);
  q.exec();
}

std::vector<int64_t> list_member_ids(Connection& c, int64_t list_id, const std::optional<IdPage>& page) {
  const std::string base =
      "SELECT la.account_id FROM list_accounts la JOIN accounts a ON a.id = la.account_id"
      " WHERE la.list_id = :list AND a.suspended_at IS NULL";
  auto& q = c.prepare(page ? base + page_clause("la.account_id", *page) : base + " ORDER BY la.account_id DESC");
  q.bind(":list", list_id);
  if (page) bind_page(q, *page);
  std::vector<int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return page ? newest_first(std::move(ids), *page) : ids;
}

bool is_list_member(Connection& c, int64_t list_id, int64_t account_id) {
  auto& q = c.prepare("SELECT 1 FROM list_accounts WHERE list_id = ? AND account_id = ?");
  q.bind(1, list_id);
  q.bind(2, account_id);
  return q.executeStep();
}

void add_list_member(Connection& c, int64_t list_id, int64_t account_id) {
  auto& q = c.prepare("INSERT INTO list_accounts (list_id, account_id) VALUES (?, ?)");
  q.bind(1, list_id);
  q.bind(2, account_id);
  q.exec();
}

void remove_list_members(Connection& c, int64_t list_id, const std::vector<int64_t>& account_ids) {
  if (account_ids.empty()) return;
  auto& q = c.prepare(
      "DELETE FROM list_accounts WHERE list_id = ? AND account_id IN (SELECT value FROM json_each(?))");
  q.bind(1, list_id);
  q.bind(2, id_list(account_ids));
  q.exec();
}

}  // namespace vmst::store
