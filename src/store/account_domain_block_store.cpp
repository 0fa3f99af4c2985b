#include "store/account_domain_block_store.hpp"

#include <algorithm>

namespace vmst::store {

bool insert_account_domain_block(Connection& c, int64_t id, int64_t account_id, const std::string& domain,
                                 int64_t now) {
  auto& q = c.prepare(
      "INSERT INTO account_domain_blocks (id, account_id, domain, created_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (account_id, domain) DO NOTHING");
  q.bind(1, id);
  q.bind(2, account_id);
  q.bind(3, domain);
  q.bind(4, now);
  q.exec();
  return c.changes() == 1;
}

bool delete_account_domain_block(Connection& c, int64_t account_id, const std::string& domain) {
  auto& q = c.prepare("DELETE FROM account_domain_blocks WHERE account_id = ? AND domain = ?");
  q.bind(1, account_id);
  q.bind(2, domain);
  q.exec();
  return c.changes() == 1;
}

bool blocks_domain(Connection& c, int64_t account_id, const std::string& domain) {
  auto& q = c.prepare("SELECT 1 FROM account_domain_blocks WHERE account_id = ? AND domain = ?");
  q.bind(1, account_id);
  q.bind(2, domain);
  return q.executeStep();
}

std::vector<std::pair<int64_t, std::string>> account_domain_blocks_page(Connection& c, int64_t account_id,
                                                                        const PageRange& page) {
  auto& q = c.prepare("SELECT r.id, r.domain FROM account_domain_blocks r WHERE r.account_id = ?1" +
                      paging_clause("r.id", 2, page));
  q.bind(1, account_id);
  bind_paging(q, 2, page);
  std::vector<std::pair<int64_t, std::string>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
  if (page.ascending()) std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace vmst::store
