#include "store/search_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

// For LIKE ... ESCAPE '\': the term matches literally.
std::string like_escaped(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

}  // namespace

std::vector<int64_t> search_accounts(Connection& c, const AccountSearchQuery& s) {
  auto& q = c.prepare(
      "SELECT a.id FROM accounts a LEFT JOIN account_stats st ON st.account_id = a.id"
      " WHERE a.suspended_at IS NULL AND NOT (a.domain IS NULL AND a.actor_type = 'Application')"
      " AND (a.username LIKE ?1 ESCAPE '\\'"
      "      OR (?4 = 0 AND (a.display_name LIKE ?1 ESCAPE '\\' OR a.display_name LIKE ?2 ESCAPE '\\')))"
      " AND (?3 IS NULL OR coalesce(a.domain, '') LIKE ?3 ESCAPE '\\')"
      " AND (?5 IS NULL OR a.id IN (SELECT target_account_id FROM follows WHERE account_id = ?5))"
      " AND (?6 IS NULL OR a.id NOT IN (SELECT account_id FROM blocks WHERE target_account_id = ?6))"
      // Silenced accounts are found only by those who follow them.
      " AND (a.silenced_at IS NULL OR a.id IN (SELECT target_account_id FROM follows WHERE account_id = ?6))"
      " ORDER BY lower(a.username) = lower(?7) DESC, a.domain IS NULL DESC, coalesce(st.followers_count, 0) DESC, a.id"
      " LIMIT ?8 OFFSET ?9");
  const std::string term = like_escaped(s.term);
  q.bind(1, term + "%");
  q.bind(2, "% " + term + "%");
  if (s.domain) {
    // "" matches local accounts only (their domain is NULL, read as '').
    q.bind(3, s.domain->empty() ? std::string() : like_escaped(*s.domain) + "%");
  } else {
    q.bind(3);
  }
  q.bind(4, s.domain ? 1 : 0);
  bind_optional(q, 5, s.following_of);
  bind_optional(q, 6, s.viewer);
  q.bind(7, s.term);
  q.bind(8, s.limit);
  q.bind(9, s.offset);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<TagHit> search_tags(Connection& c, const std::string& prefix, std::optional<int64_t> viewer, int limit,
                                int offset) {
  auto& q = c.prepare(
      "SELECT coalesce(nullif(t.display_name, ''), t.name),"
      " EXISTS (SELECT 1 FROM tag_follows f WHERE f.tag_id = t.id AND f.account_id = ?2)"
      " FROM tags t WHERE t.name LIKE ?1 ESCAPE '\\' AND t.listable = 1"
      " ORDER BY t.name = ?3 DESC, t.last_status_at DESC NULLS LAST, t.name LIMIT ?4 OFFSET ?5");
  q.bind(1, like_escaped(prefix) + "%");
  bind_optional(q, 2, viewer);
  q.bind(3, prefix);
  q.bind(4, limit);
  q.bind(5, offset);
  std::vector<TagHit> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt() != 0});
  return out;
}

std::vector<int64_t> search_statuses(Connection& c, const StatusSearchQuery& s) {
  auto& q = c.prepare(
      "SELECT s.id FROM statuses_fts JOIN statuses s ON s.id = statuses_fts.rowid"
      " WHERE statuses_fts MATCH ?1 AND s.deleted_at IS NULL AND s.reblog_of_id IS NULL"
      " AND (s.visibility IN ('public', 'unlisted') OR s.account_id = ?2"
      "      OR (s.visibility = 'private' AND EXISTS (SELECT 1 FROM follows f WHERE f.account_id = ?2"
      "          AND f.target_account_id = s.account_id))"
      "      OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = ?2 AND m.silent = 0))"
      " AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = s.account_id AND b.target_account_id = ?2)"
      "      OR (b.account_id = ?2 AND b.target_account_id = s.account_id))"
      " AND NOT EXISTS (SELECT 1 FROM mutes u WHERE u.account_id = ?2 AND u.target_account_id = s.account_id"
      "      AND (u.expires_at IS NULL OR u.expires_at > ?8))"
      " AND NOT EXISTS (SELECT 1 FROM accounts a JOIN account_domain_blocks d ON d.domain = a.domain"
      "      AND d.account_id = ?2 WHERE a.id = s.account_id)"
      " AND (?3 IS NULL OR s.account_id = ?3) AND (?4 IS NULL OR s.id < ?4) AND (?5 IS NULL OR s.id > ?5)"
      " ORDER BY s.id DESC LIMIT ?6 OFFSET ?7");
  q.bind(1, s.match);
  q.bind(2, s.viewer);
  bind_optional(q, 3, s.account_id);
  bind_optional(q, 4, s.max_id);
  bind_optional(q, 5, s.min_id);
  q.bind(6, s.limit);
  q.bind(7, s.offset);
  q.bind(8, s.now);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace vmst::store
