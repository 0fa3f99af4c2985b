#include "store/instance_store.hpp"

namespace vmst::store {

std::vector<InstanceRule> instance_rules(Connection& c) {
  auto& q = c.prepare("SELECT id, text, hint FROM instance_rules ORDER BY position, id");
  std::vector<InstanceRule> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  return out;
}

std::optional<InstancePage> find_instance_page(Connection& c, const std::string& slug) {
  auto& q = c.prepare("SELECT slug, title, markdown, updated_at FROM instance_pages WHERE slug = ?");
  q.bind(1, slug);
  if (!q.executeStep()) return std::nullopt;
  return InstancePage{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                      q.getColumn(3).getInt64()};
}

std::optional<int64_t> first_admin_account_id(Connection& c) {
  auto& q = c.prepare(
      "SELECT u.account_id FROM users u JOIN accounts a ON a.id = u.account_id"
      " WHERE u.role = 'admin' AND u.disabled = 0 AND a.suspended_at IS NULL ORDER BY u.id LIMIT 1");
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::vector<std::string> known_peer_domains(Connection& c) {
  // A port stays in the domain (it is part of the authority); blocks name hosts, so the port is cut for the match.
  auto& q = c.prepare(
      "WITH known(domain) AS (SELECT lower(domain) FROM accounts WHERE domain IS NOT NULL"
      "                       UNION SELECT lower(domain) FROM instances),"
      " hosts(domain, host) AS (SELECT domain, CASE WHEN instr(domain, ':') > 0 AND substr(domain, 1, 1) <> '['"
      "                         THEN substr(domain, 1, instr(domain, ':') - 1) ELSE domain END FROM known)"
      " SELECT domain FROM hosts h WHERE NOT EXISTS"
      "   (SELECT 1 FROM domain_blocks b WHERE h.host = b.domain OR h.host LIKE '%.' || b.domain)"
      " ORDER BY domain");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

}  // namespace vmst::store
