#include "store/block_store.hpp"

#include <algorithm>

#include "store/sql_values.hpp"

namespace vmst::store {

bool insert_block(Connection& c, int64_t id, int64_t account_id, int64_t target_account_id,
                  const std::optional<std::string>& uri, int64_t now) {
  auto& q = c.prepare(
      "INSERT INTO blocks (id, account_id, target_account_id, uri, created_at) VALUES (?, ?, ?, ?, ?)"
      " ON CONFLICT (account_id, target_account_id) DO NOTHING");
  q.bind(1, id);
  q.bind(2, account_id);
  q.bind(3, target_account_id);
  bind_optional(q, 4, uri);
  q.bind(5, now);
  q.exec();
  return c.changes() == 1;
}

std::optional<BlockRecord> delete_block(Connection& c, int64_t account_id, int64_t target_account_id) {
  auto& q = c.prepare("DELETE FROM blocks WHERE account_id = ? AND target_account_id = ? RETURNING id, uri");
  q.bind(1, account_id);
  q.bind(2, target_account_id);
  std::optional<BlockRecord> out;
  while (q.executeStep()) out = BlockRecord{q.getColumn(0).getInt64(), column_text(q, 1)};
  return out;
}

std::optional<std::pair<int64_t, int64_t>> block_by_uri(Connection& c, const std::string& uri) {
  auto& q = c.prepare("SELECT account_id, target_account_id FROM blocks WHERE uri = ?");
  q.bind(1, uri);
  std::optional<std::pair<int64_t, int64_t>> out;
  while (q.executeStep()) out = std::make_pair(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  return out;
}

std::vector<PagedId> blocks_page(Connection& c, int64_t account_id, const PageRange& page) {
  auto& q = c.prepare("SELECT r.id, r.target_account_id FROM blocks r WHERE r.account_id = ?1" +
                      paging_clause("r.id", 2, page));
  q.bind(1, account_id);
  bind_paging(q, 2, page);
  std::vector<PagedId> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64()});
  if (page.ascending()) std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace vmst::store
