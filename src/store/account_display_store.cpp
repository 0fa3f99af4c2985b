#include "store/account_display_store.hpp"

#include <nlohmann/json.hpp>

#include "store/account_row.hpp"
#include "store/record_caches.hpp"

namespace vmst::store {

std::vector<AccountRecord> find_accounts_for_display(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<AccountRecord> out;
  if (ids.empty()) return out;
  auto* caches = c.record_caches();
  std::vector<int64_t> missing;
  if (caches) {
    caches->accounts.lookup(ids, out, missing);
    if (missing.empty()) return out;
  }
  auto& q = c.prepare(
      std::string(kAccountHeadColumns) + kAccountTailColumns + "WHERE a.id IN (SELECT value FROM json_each(?))");
  q.bind(1, nlohmann::json(caches ? missing : ids).dump());
  while (q.executeStep()) {
    AccountRecord a;
    int i = 0;
    read_account_head(q, i, a);
    read_account_tail(q, i, a);
    if (caches) caches->accounts.store(a, c.read_generation(), caches->generation_counter());
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace vmst::store
