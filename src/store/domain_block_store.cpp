#include "store/domain_block_store.hpp"

namespace vmst::store {

bool is_domain_suspended(Connection& c, const std::string& domain) {
  std::string host = domain;
  if (!host.empty() && host.front() != '[') host = host.substr(0, host.find(':'));
  auto& q = c.prepare("SELECT 1 FROM domain_blocks WHERE severity = 'suspend' AND (domain = ?1 OR ?1 LIKE '%.' || domain)");
  q.bind(1, host);
  return q.executeStep();
}

}  // namespace vmst::store
