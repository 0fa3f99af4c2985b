#include "store/timeline_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

// What a reader never sees from accounts they block, mute (until the mute expires) or whose domain they block: the
// author of s, or of the status r that s reblogs. r is NULL for an ordinary status, which matches nothing.
constexpr const char* kHiddenFromViewer =
    " AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = :viewer"
    " AND b.target_account_id IN (s.account_id, r.account_id))"
    " AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = :viewer"
    " AND m.target_account_id IN (s.account_id, r.account_id) AND (m.expires_at IS NULL OR m.expires_at > :now))"
    " AND NOT EXISTS (SELECT 1 FROM accounts da JOIN account_domain_blocks d"
    " ON d.account_id = :viewer AND d.domain = da.domain"
    " WHERE da.id IN (s.account_id, r.account_id) AND da.domain IS NOT NULL)";

// Suspension hides what the account wrote, and every boost of it, until it is lifted; the feed rows stay for then.
constexpr const char* kNotBySuspended =
    " AND (SELECT suspended_at FROM accounts WHERE id = s.account_id) IS NULL"
    " AND (r.account_id IS NULL OR (SELECT suspended_at FROM accounts WHERE id = r.account_id) IS NULL)";

// Public timelines also leave out authors who block the viewer.
constexpr const char* kBlockedByAuthor =
    " AND NOT EXISTS (SELECT 1 FROM blocks bb WHERE bb.account_id = s.account_id AND bb.target_account_id = :viewer)";

// Walks the reader's few lists, then one primary-key probe each, rather than every list the author is in (a
// popular author can be in many readers' lists).
constexpr const char* kNotInExclusiveList =
    " AND NOT EXISTS (SELECT 1 FROM lists l WHERE l.account_id = :viewer AND l.exclusive = 1"
    " AND EXISTS (SELECT 1 FROM list_accounts la WHERE la.list_id = l.id AND la.account_id = s.account_id))";

std::vector<int64_t> read_ids(SQLite::Statement& q, const IdPage& page) {
  std::vector<int64_t> ids;
  ids.reserve(static_cast<size_t>(page.limit));
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return newest_first(std::move(ids), page);
}

// The conditions every public and tag timeline shares; `s` is the status, `a` its author.
std::string public_conditions(const PublicScope& scope) {
  std::string sql =
      " AND s.visibility = 'public' AND s.reblog_of_id IS NULL AND s.deleted_at IS NULL AND a.suspended_at IS NULL";
  if (scope.local_only) sql += " AND s.local = 1";
  if (scope.remote_only) sql += " AND s.local = 0";
  if (scope.only_media) sql += " AND EXISTS (SELECT 1 FROM media_attachments ma WHERE ma.status_id = s.id)";
  if (scope.viewer) {
    sql += kHiddenFromViewer;
    sql += kBlockedByAuthor;
    // Silenced accounts stay out of public timelines except for their followers (and themselves).
    sql += " AND (a.silenced_at IS NULL OR s.account_id = :viewer OR EXISTS (SELECT 1 FROM follows sf"
           " WHERE sf.account_id = :viewer AND sf.target_account_id = s.account_id))";
  } else {
    sql += " AND a.silenced_at IS NULL";
  }
  return sql;
}

void bind_public(SQLite::Statement& q, const PublicScope& scope, int64_t now) {
  if (!scope.viewer) return;
  q.bind(":viewer", *scope.viewer);
  q.bind(":now", now);
}

}  // namespace

std::string home_timeline_sql(const IdPage& page, bool with_exclusions) {
  std::string sql =
      "SELECT h.status_id FROM home_feed h JOIN statuses s ON s.id = h.status_id"
      " LEFT JOIN statuses r ON r.id = s.reblog_of_id"
      " WHERE h.account_id = :viewer AND s.deleted_at IS NULL";
  sql += kNotBySuspended;
  if (with_exclusions) {
    sql += kHiddenFromViewer;
    sql += kNotInExclusiveList;
  }
  return sql + page_clause("h.status_id", page);
}

bool hides_anything_at_home(Connection& c, int64_t viewer, int64_t now) {
  auto& q = c.prepare(
      "SELECT EXISTS (SELECT 1 FROM blocks WHERE account_id = ?1)"
      " OR EXISTS (SELECT 1 FROM mutes WHERE account_id = ?1 AND (expires_at IS NULL OR expires_at > ?2))"
      " OR EXISTS (SELECT 1 FROM account_domain_blocks WHERE account_id = ?1)"
      " OR EXISTS (SELECT 1 FROM lists WHERE account_id = ?1 AND exclusive = 1)");
  q.bind(1, viewer);
  q.bind(2, now);
  q.executeStep();
  return q.getColumn(0).getInt() != 0;
}

std::vector<int64_t> home_timeline_ids(Connection& c, int64_t viewer, const IdPage& page, int64_t now) {
  // The hottest query, in its four shapes built once. Most readers block, mute and exclude no one; one cheap
  // look-up first spares them four subqueries per row.
  static const std::string kShapes[2][2] = {
      {home_timeline_sql(IdPage{}, false), home_timeline_sql(IdPage{std::nullopt, std::nullopt, 0, 1}, false)},
      {home_timeline_sql(IdPage{}, true), home_timeline_sql(IdPage{std::nullopt, std::nullopt, 0, 1}, true)}};
  const bool exclusions = hides_anything_at_home(c, viewer, now);
  auto& q = c.prepare(kShapes[exclusions ? 1 : 0][page.oldest_first() ? 1 : 0]);
  q.bind(":viewer", viewer);
  if (exclusions) q.bind(":now", now);
  bind_page(q, page);
  return read_ids(q, page);
}

std::vector<int64_t> public_timeline_ids(Connection& c, const PublicScope& scope, const IdPage& page, int64_t now) {
  // r stands for the reblogged status in the shared conditions; public timelines hold no reblogs, so it is NULL.
  auto& q = c.prepare(
      "SELECT s.id FROM statuses s JOIN accounts a ON a.id = s.account_id"
      " LEFT JOIN statuses r ON r.id = s.reblog_of_id WHERE 1" +
      public_conditions(scope) + page_clause("s.id", page));
  bind_public(q, scope, now);
  bind_page(q, page);
  return read_ids(q, page);
}

std::vector<int64_t> tag_timeline_ids(Connection& c, const TagScope& scope, const IdPage& page, int64_t now) {
  if (scope.any_tag_ids.empty()) return {};
  std::string sql;
  if (scope.any_tag_ids.size() == 1) {
    // One tag: its rows of status_tags, by status id, lead.
    sql =
        "SELECT st.status_id FROM status_tags st JOIN statuses s ON s.id = st.status_id"
        " JOIN accounts a ON a.id = s.account_id LEFT JOIN statuses r ON r.id = s.reblog_of_id"
        " WHERE st.tag_id = :any";
  } else {
    // Several: walk statuses by id and look each one's tags up, so that a status with two of them comes once.
    sql =
        "SELECT s.id FROM statuses s JOIN accounts a ON a.id = s.account_id"
        " LEFT JOIN statuses r ON r.id = s.reblog_of_id WHERE EXISTS (SELECT 1 FROM status_tags st"
        " WHERE st.status_id = s.id AND st.tag_id IN (SELECT value FROM json_each(:any)))";
  }
  if (!scope.all_tag_ids.empty()) {
    sql +=
        " AND (SELECT count(*) FROM status_tags t2 WHERE t2.status_id = s.id"
        " AND t2.tag_id IN (SELECT value FROM json_each(:all))) = :all_count";
  }
  if (!scope.none_tag_ids.empty()) {
    sql +=
        " AND NOT EXISTS (SELECT 1 FROM status_tags t3 WHERE t3.status_id = s.id"
        " AND t3.tag_id IN (SELECT value FROM json_each(:none)))";
  }
  sql += public_conditions(scope.where);
  sql += page_clause(scope.any_tag_ids.size() == 1 ? "st.status_id" : "s.id", page);
  auto& q = c.prepare(sql);
  if (scope.any_tag_ids.size() == 1) {
    q.bind(":any", scope.any_tag_ids.front());
  } else {
    q.bind(":any", id_list(scope.any_tag_ids));
  }
  if (!scope.all_tag_ids.empty()) {
    q.bind(":all", id_list(scope.all_tag_ids));
    q.bind(":all_count", static_cast<int64_t>(scope.all_tag_ids.size()));
  }
  if (!scope.none_tag_ids.empty()) q.bind(":none", id_list(scope.none_tag_ids));
  bind_public(q, scope.where, now);
  bind_page(q, page);
  return read_ids(q, page);
}

std::vector<int64_t> find_tag_ids(Connection& c, const std::vector<std::string>& names) {
  std::vector<int64_t> ids;
  if (names.empty()) return ids;
  auto& q = c.prepare("SELECT id FROM tags WHERE name IN (SELECT value FROM json_each(?)) ORDER BY id");
  q.bind(1, nlohmann::json(names).dump());
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

std::vector<int64_t> list_timeline_ids(Connection& c, const ListScope& scope, const IdPage& page, int64_t now) {
  // Mastodon's reply rule for lists: a reply to someone else shows when it answers the owner, or (policy
  // "followed") someone the owner follows, or (policy "list") another member of the list.
  auto& q = c.prepare(
      std::string("SELECT h.status_id FROM home_feed h JOIN statuses s ON s.id = h.status_id"
                  " LEFT JOIN statuses r ON r.id = s.reblog_of_id"
                  " WHERE h.account_id = :viewer AND s.deleted_at IS NULL"
                  " AND EXISTS (SELECT 1 FROM list_accounts la WHERE la.list_id = :list AND la.account_id = s.account_id)"
                  " AND (s.in_reply_to_account_id IS NULL OR s.in_reply_to_account_id IN (s.account_id, :viewer)"
                  " OR (:policy = 'followed' AND EXISTS (SELECT 1 FROM follows f WHERE f.account_id = :viewer"
                  " AND f.target_account_id = s.in_reply_to_account_id))"
                  " OR (:policy = 'list' AND EXISTS (SELECT 1 FROM list_accounts lr WHERE lr.list_id = :list"
                  " AND lr.account_id = s.in_reply_to_account_id)))") +
      kNotBySuspended + kHiddenFromViewer + page_clause("h.status_id", page));
  q.bind(":viewer", scope.owner);
  q.bind(":list", scope.list_id);
  q.bind(":policy", scope.replies_policy);
  q.bind(":now", now);
  bind_page(q, page);
  return read_ids(q, page);
}

}  // namespace vmst::store
