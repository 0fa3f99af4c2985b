#include "store/account_display_store.hpp"

#include "store/account_row.hpp"
#include "store/record_caches.hpp"
#include "store/sql_values.hpp"

namespace vmst::store {

std::vector<AccountRecord> find_accounts_for_display(Connection& c, const std::vector<int64_t>& ids) {
  auto* caches = c.record_caches();
  return cached_rows(caches ? &caches->accounts : nullptr, c.read_generation(), ids,
                     [&c](const std::vector<int64_t>& wanted, std::vector<AccountRecord>& out) {
                       auto& q = c.prepare(std::string(kAccountHeadColumns) + kAccountTailColumns +
                                           "WHERE a.id IN (SELECT value FROM json_each(?))");
                       q.bind(1, id_list(wanted));
                       while (q.executeStep()) {
                         AccountRecord& a = out.emplace_back();
                         int i = 0;
                         read_account_head(q, i, a);
                         read_account_tail(q, i, a);
                       }
                     });
}

}  // namespace vmst::store
