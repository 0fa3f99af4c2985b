#include "store/domain_block_store.hpp"

#include <unordered_map>

#include "store/account_domain_sql.hpp"
#include "store/fan_out_store.hpp"
#include "store/ids.hpp"
#include "store/status_store.hpp"
#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kOnDomain = kAccountOnDomain;

constexpr const char* kBlockColumns =
    "id, domain, severity, reject_media, reject_reports, obfuscate, private_comment, public_comment, subscription_id,"
    " created_at, updated_at";

DomainBlockRecord read_block(SQLite::Statement& q) {
  DomainBlockRecord r;
  r.id = q.getColumn(0).getInt64();
  r.domain = q.getColumn(1).getString();
  r.severity = q.getColumn(2).getString();
  r.reject_media = q.getColumn(3).getInt() != 0;
  r.reject_reports = q.getColumn(4).getInt() != 0;
  r.obfuscate = q.getColumn(5).getInt() != 0;
  r.private_comment = q.getColumn(6).getString();
  r.public_comment = q.getColumn(7).getString();
  r.subscription_id = column_int(q, 8);
  r.created_at = q.getColumn(9).getInt64();
  r.updated_at = q.getColumn(10).getInt64();
  return r;
}

// The host, then each parent domain: a.b.example -> b.example -> example. Each candidate is one index lookup,
// cheaper than a LIKE scan over every block.
template <class Probe>
bool walk_parents(const std::string& host, Probe&& probe) {
  for (std::string candidate = host_without_port(host); !candidate.empty();) {
    if (probe(candidate)) return true;
    auto dot = candidate.find('.');
    if (dot == std::string::npos) break;
    candidate = candidate.substr(dot + 1);
  }
  return false;
}

}  // namespace

std::string host_without_port(const std::string& host) {
  if (host.empty() || host.front() == '[') return host;
  return host.substr(0, host.find(':'));
}

std::optional<DomainBlockRecord> find_domain_block(Connection& c, const std::string& domain) {
  auto& q = c.prepare(std::string("SELECT ") + kBlockColumns + " FROM domain_blocks WHERE domain = ?");
  q.bind(1, domain);
  if (!q.executeStep()) return std::nullopt;
  return read_block(q);
}

std::optional<DomainBlockRecord> covering_domain_block(Connection& c, const std::string& host) {
  std::optional<DomainBlockRecord> found;
  walk_parents(host, [&](const std::string& candidate) {
    found = find_domain_block(c, candidate);
    return found.has_value();
  });
  return found;
}

bool is_domain_suspended(Connection& c, const std::string& host) {
  auto& q = c.prepare("SELECT 1 FROM domain_blocks WHERE domain = ? AND severity = 'suspend'");
  return walk_parents(host, [&](const std::string& candidate) {
    q.reset();
    q.bind(1, candidate);
    return q.executeStep();
  });
}

std::vector<DomainBlockRecord> list_domain_blocks(Connection& c) {
  auto& q = c.prepare(std::string("SELECT ") + kBlockColumns + " FROM domain_blocks ORDER BY domain");
  std::vector<DomainBlockRecord> out;
  while (q.executeStep()) out.push_back(read_block(q));
  return out;
}

void upsert_domain_block(Connection& c, const DomainBlockRecord& r) {
  auto& q = c.prepare(
      "INSERT INTO domain_blocks (id, domain, severity, reject_media, reject_reports, obfuscate, private_comment,"
      " public_comment, subscription_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (domain) DO UPDATE SET severity = excluded.severity, reject_media = excluded.reject_media,"
      " reject_reports = excluded.reject_reports, obfuscate = excluded.obfuscate,"
      " private_comment = excluded.private_comment, public_comment = excluded.public_comment,"
      " subscription_id = excluded.subscription_id, updated_at = excluded.updated_at");
  q.bind(1, r.id);
  q.bind(2, r.domain);
  q.bind(3, r.severity);
  q.bind(4, r.reject_media ? 1 : 0);
  q.bind(5, r.reject_reports ? 1 : 0);
  q.bind(6, r.obfuscate ? 1 : 0);
  q.bind(7, r.private_comment);
  q.bind(8, r.public_comment);
  bind_optional(q, 9, r.subscription_id);
  q.bind(10, r.created_at);
  q.bind(11, r.updated_at);
  q.exec();
}

bool delete_domain_block(Connection& c, const std::string& domain) {
  auto& q = c.prepare("DELETE FROM domain_blocks WHERE domain = ?");
  q.bind(1, domain);
  return q.exec() > 0;
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

void set_allowlist_mode(Connection& c, bool on, int64_t now) {
  auto& q = c.prepare(
      "INSERT INTO instance_settings (key, value, updated_at) VALUES ('federation_allowlist_mode', ?, ?)"
      " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
      " WHERE value <> excluded.value");
  q.bind(1, on ? "true" : "false");
  q.bind(2, now);
  q.exec();
}

bool allowlist_mode(Connection& c) {
  auto& q = c.prepare("SELECT value = 'true' FROM instance_settings WHERE key = 'federation_allowlist_mode'");
  return q.executeStep() && q.getColumn(0).getInt() != 0;
}

bool insert_domain_allow(Connection& c, int64_t id, const std::string& domain, int64_t now) {
  auto& q = c.prepare("INSERT OR IGNORE INTO domain_allows (id, domain, created_at) VALUES (?, ?, ?)");
  q.bind(1, id);
  q.bind(2, domain);
  q.bind(3, now);
  return q.exec() > 0;
}

bool delete_domain_allow(Connection& c, const std::string& domain) {
  auto& q = c.prepare("DELETE FROM domain_allows WHERE domain = ?");
  q.bind(1, domain);
  return q.exec() > 0;
}

std::vector<std::string> list_domain_allows(Connection& c) {
  auto& q = c.prepare("SELECT domain FROM domain_allows ORDER BY domain");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

bool is_domain_allowed(Connection& c, const std::string& host) {
  auto& q = c.prepare("SELECT 1 FROM domain_allows WHERE domain = ?");
  return walk_parents(host, [&](const std::string& candidate) {
    q.reset();
    q.bind(1, candidate);
    return q.executeStep();
  });
}

bool refuses_federation_with(Connection& c, const std::string& host) {
  if (is_domain_suspended(c, host)) return true;
  return allowlist_mode(c) && !is_domain_allowed(c, host);
}

bool rejects_media_from(Connection& c, const std::string& host) {
  auto block = covering_domain_block(c, host);
  return block && (block->reject_media || block->severity == "suspend");
}

bool rejects_reports_from(Connection& c, const std::string& host) {
  auto block = covering_domain_block(c, host);
  return block && (block->reject_reports || block->severity == "suspend");
}

int silence_domain_accounts(Connection& c, const std::string& domain, int64_t now) {
  auto& q = c.prepare(std::string("UPDATE accounts AS a SET silenced_at = :now, silenced_by_domain_block = 1"
                                  " WHERE a.domain IS NOT NULL AND a.silenced_at IS NULL AND ") +
                      kOnDomain);
  q.bind(":now", now);
  q.bind(":d", domain);
  return q.exec();
}

void silence_account_for_domain_block(Connection& c, int64_t account_id, int64_t now) {
  auto& q = c.prepare(
      "UPDATE accounts SET silenced_at = ?, silenced_by_domain_block = 1 WHERE id = ? AND silenced_at IS NULL");
  q.bind(1, now);
  q.bind(2, account_id);
  q.exec();
}

int unsilence_domain_accounts(Connection& c, const std::string& domain) {
  auto& q = c.prepare(std::string("UPDATE accounts AS a SET silenced_at = NULL, silenced_by_domain_block = 0"
                                  " WHERE a.silenced_by_domain_block = 1 AND ") +
                      kOnDomain);
  q.bind(":d", domain);
  return q.exec();
}

std::vector<CrossingFollow> follows_crossing_to(Connection& c, const std::string& domain) {
  // The four cases: follows and requests, each way. `a` is always the remote side.
  auto& q = c.prepare(std::string(
      "SELECT f.account_id, f.target_account_id, coalesce(f.uri, ''), 1, 0 FROM follows f"
      " JOIN accounts a ON a.id = f.target_account_id JOIN accounts l ON l.id = f.account_id"
      " WHERE l.domain IS NULL AND ") + kOnDomain +
      " UNION ALL SELECT f.target_account_id, f.account_id, coalesce(f.uri, ''), 0, 0 FROM follows f"
      " JOIN accounts a ON a.id = f.account_id JOIN accounts l ON l.id = f.target_account_id"
      " WHERE l.domain IS NULL AND " + kOnDomain +
      " UNION ALL SELECT f.account_id, f.target_account_id, coalesce(f.uri, ''), 1, 1 FROM follow_requests f"
      " JOIN accounts a ON a.id = f.target_account_id JOIN accounts l ON l.id = f.account_id"
      " WHERE l.domain IS NULL AND " + kOnDomain +
      " UNION ALL SELECT f.target_account_id, f.account_id, coalesce(f.uri, ''), 0, 1 FROM follow_requests f"
      " JOIN accounts a ON a.id = f.account_id JOIN accounts l ON l.id = f.target_account_id"
      " WHERE l.domain IS NULL AND " + kOnDomain);
  q.bind(":d", domain);
  std::vector<CrossingFollow> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getInt() != 0, q.getColumn(4).getInt() != 0});
  }
  return out;
}

void record_purged_status_events(Connection& c, const std::string& domain, int64_t recent_since) {
  auto& q = c.prepare(std::string(
      "SELECT s.id FROM statuses s JOIN accounts a ON a.id = s.account_id WHERE a.domain IS NOT NULL AND ") +
      kOnDomain + " AND (s.created_at > :recent OR EXISTS (SELECT 1 FROM home_feed h WHERE h.status_id = s.id))"
      " UNION SELECT b.id FROM statuses b JOIN statuses s ON s.id = b.reblog_of_id"
      " JOIN accounts a ON a.id = s.account_id WHERE a.domain IS NOT NULL AND " + kOnDomain);
  q.bind(":d", domain);
  q.bind(":recent", recent_since);
  std::vector<int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  q.reset();
  if (ids.empty()) return;
  std::unordered_map<int64_t, std::vector<std::string>> tags;
  for (auto& [status_id, tag] : tags_of(c, ids)) tags[status_id].push_back(std::move(tag));
  for (int64_t id : ids) {
    c.record_event({CommitEvent::Kind::StatusDeleted, id, 0, home_feed_holders(c, id), std::move(tags[id])});
  }
}

void recount_accounts(Connection& c, const std::vector<int64_t>& account_ids) {
  if (account_ids.empty()) return;
  auto& q = c.prepare(
      "UPDATE account_stats SET"
      " followers_count = (SELECT count(*) FROM follows f WHERE f.target_account_id = account_stats.account_id),"
      " following_count = (SELECT count(*) FROM follows f WHERE f.account_id = account_stats.account_id)"
      " WHERE account_id IN (SELECT value FROM json_each(?))");
  q.bind(1, id_list(account_ids));
  q.exec();
}

void recount_statuses(Connection& c, const std::vector<int64_t>& status_ids) {
  if (status_ids.empty()) return;
  auto& q = c.prepare(
      "UPDATE status_stats SET"
      " favourites_count = (SELECT count(*) FROM favourites f WHERE f.status_id = status_stats.status_id),"
      " reblogs_count = (SELECT count(*) FROM statuses r WHERE r.reblog_of_id = status_stats.status_id),"
      " replies_count = (SELECT count(*) FROM statuses r WHERE r.in_reply_to_id = status_stats.status_id"
      " AND r.deleted_at IS NULL)"
      " WHERE status_id IN (SELECT value FROM json_each(?))");
  q.bind(1, id_list(status_ids));
  q.exec();
}

int drop_pending_deliveries_to(Connection& c, const std::string& domain) {
  auto& q = c.prepare(
      "DELETE FROM delivery_jobs WHERE state IN ('queued', 'in_flight') AND (host = :d OR host LIKE :d || ':%'"
      " OR host LIKE '%.' || :d OR host LIKE '%.' || :d || ':%')");
  q.bind(":d", domain);
  return q.exec();
}

}  // namespace vmst::store
