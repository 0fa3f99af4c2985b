#include "store/domain_block_store.hpp"

namespace vmst::store {

bool is_domain_suspended(Connection& c, const std::string& domain) {
  std::string host = domain;
  if (!host.empty() && host.front() != '[') host = host.substr(0, host.find(':'));
  auto& q = c.prepare("SELECT 1 FROM domain_blocks WHERE severity = 'suspend' AND (domain = ?1 OR ?1 LIKE '%.' || domain)");
  q.bind(1, host);
  return q.executeStep();
}

std::vector<PublicDomainBlock> user_facing_domain_blocks(Connection& c) {
  auto& q = c.prepare(
      "SELECT domain, severity, public_comment, obfuscate FROM domain_blocks WHERE severity IN ('silence', 'suspend')"
      " ORDER BY severity = 'suspend', domain");
  std::vector<PublicDomainBlock> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getInt() != 0});
  }
  return out;
}

}  // namespace vmst::store
