#include "store/status_store.hpp"

#include "store/fan_out_store.hpp"
#include "store/record_caches.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kStatusColumns =
    "SELECT s.id, s.uri, s.url, s.account_id, s.local, s.in_reply_to_id, s.in_reply_to_account_id,"
    " s.in_reply_to_uri, s.reblog_of_id, s.conversation_id, s.application_id, s.visibility, s.text, s.content,"
    " s.spoiler_text, s.sensitive, s.language, s.created_at, s.updated_at, s.edited_at, s.deleted_at,"
    " coalesce(t.replies_count, 0), coalesce(t.reblogs_count, 0), coalesce(t.favourites_count, 0)"
    " FROM statuses s LEFT JOIN status_stats t ON t.status_id = s.id ";

StatusRecord read_status(SQLite::Statement& q) {
  StatusRecord s;
  int i = 0;
  s.id = q.getColumn(i++).getInt64();
  s.uri = q.getColumn(i++).getString();
  s.url = column_text(q, i++);
  s.account_id = q.getColumn(i++).getInt64();
  s.local = q.getColumn(i++).getInt() != 0;
  s.in_reply_to_id = column_int(q, i++);
  s.in_reply_to_account_id = column_int(q, i++);
  s.in_reply_to_uri = column_text(q, i++);
  s.reblog_of_id = column_int(q, i++);
  s.conversation_id = column_int(q, i++);
  s.application_id = column_int(q, i++);
  s.visibility = q.getColumn(i++).getString();
  s.text = q.getColumn(i++).getString();
  s.content = q.getColumn(i++).getString();
  s.spoiler_text = q.getColumn(i++).getString();
  s.sensitive = q.getColumn(i++).getInt() != 0;
  s.language = column_text(q, i++);
  s.created_at = q.getColumn(i++).getInt64();
  s.updated_at = q.getColumn(i++).getInt64();
  s.edited_at = column_int(q, i++);
  s.deleted_at = column_int(q, i++);
  s.replies_count = q.getColumn(i++).getInt64();
  s.reblogs_count = q.getColumn(i++).getInt64();
  s.favourites_count = q.getColumn(i++).getInt64();
  return s;
}

}  // namespace

void insert_status(Connection& c, const StatusRecord& s) {
  auto& q = c.prepare(
      "INSERT INTO statuses (id, uri, url, account_id, local, in_reply_to_id, in_reply_to_account_id,"
      " in_reply_to_uri, reblog_of_id, conversation_id, application_id, visibility, text, content, spoiler_text,"
      " sensitive, language, created_at, updated_at, edited_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  int i = 1;
  q.bind(i++, s.id);
  q.bind(i++, s.uri);
  bind_optional(q, i++, s.url);
  q.bind(i++, s.account_id);
  q.bind(i++, s.local ? 1 : 0);
  bind_optional(q, i++, s.in_reply_to_id);
  bind_optional(q, i++, s.in_reply_to_account_id);
  bind_optional(q, i++, s.in_reply_to_uri);
  bind_optional(q, i++, s.reblog_of_id);
  bind_optional(q, i++, s.conversation_id);
  bind_optional(q, i++, s.application_id);
  q.bind(i++, s.visibility);
  q.bind(i++, s.text);
  q.bind(i++, s.content);
  q.bind(i++, s.spoiler_text);
  q.bind(i++, s.sensitive ? 1 : 0);
  bind_optional(q, i++, s.language);
  q.bind(i++, s.created_at);
  q.bind(i++, s.updated_at);
  bind_optional(q, i++, s.edited_at);
  q.exec();
  auto& stats = c.prepare("INSERT INTO status_stats (status_id) VALUES (?)");
  stats.bind(1, s.id);
  stats.exec();
  c.record_event({CommitEvent::Kind::StatusCreated, s.id, 0, {}, {}});
}

std::optional<StatusRecord> find_status(Connection& c, int64_t id) {
  auto& q = c.prepare(std::string(kStatusColumns) + "WHERE s.id = ? AND s.deleted_at IS NULL");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_status(q);
}

std::optional<StatusRecord> find_status_by_uri(Connection& c, const std::string& uri) {
  auto& q = c.prepare(std::string(kStatusColumns) + "WHERE s.uri = ? AND s.deleted_at IS NULL");
  q.bind(1, uri);
  if (!q.executeStep()) return std::nullopt;
  return read_status(q);
}

std::vector<StatusRecord> find_statuses(Connection& c, const std::vector<int64_t>& ids) {
  auto* caches = c.record_caches();
  return cached_rows(caches ? &caches->statuses : nullptr, c.read_generation(), ids,
                     [&c](const std::vector<int64_t>& wanted, std::vector<StatusRecord>& out) {
                       auto& q = c.prepare(std::string(kStatusColumns) +
                                           "WHERE s.id IN (SELECT value FROM json_each(?)) AND s.deleted_at IS NULL");
                       q.bind(1, id_list(wanted));
                       while (q.executeStep()) out.push_back(read_status(q));
                     });
}

std::optional<int64_t> find_reblog(Connection& c, int64_t account_id, int64_t reblog_of_id) {
  auto& q = c.prepare(
      "SELECT id FROM statuses WHERE reblog_of_id = ? AND account_id = ? AND deleted_at IS NULL LIMIT 1");
  q.bind(1, reblog_of_id);
  q.bind(2, account_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::vector<int64_t> reblogs_of(Connection& c, int64_t status_id) {
  std::vector<int64_t> out;
  auto& q = c.prepare("SELECT id FROM statuses WHERE reblog_of_id = ?");
  q.bind(1, status_id);
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

void update_status_content(Connection& c, int64_t id, const std::string& text, const std::string& content,
                           const std::string& spoiler_text, bool sensitive, const std::optional<std::string>& language,
                           int64_t edited_at) {
  auto& q = c.prepare(
      "UPDATE statuses SET text = ?, content = ?, spoiler_text = ?, sensitive = ?, language = ?, edited_at = ?,"
      " updated_at = ? WHERE id = ?");
  q.bind(1, text);
  q.bind(2, content);
  q.bind(3, spoiler_text);
  q.bind(4, sensitive ? 1 : 0);
  bind_optional(q, 5, language);
  q.bind(6, edited_at);
  q.bind(7, edited_at);
  q.bind(8, id);
  q.exec();
  c.record_event({CommitEvent::Kind::StatusUpdated, id, 0, {}, {}});
}

void delete_status(Connection& c, int64_t id) {
  // Whose home feeds held it, for the live delete events; the rows go with the status.
  CommitEvent deleted{CommitEvent::Kind::StatusDeleted, id, 0, home_feed_holders(c, id), {}};
  for (auto& [status_id, tag] : tags_of(c, {id})) deleted.tags.push_back(std::move(tag));
  c.record_event(std::move(deleted));
  auto& fts = c.prepare("DELETE FROM statuses_fts WHERE rowid = ?");
  fts.bind(1, id);
  fts.exec();
  auto& q = c.prepare("DELETE FROM statuses WHERE id = ?");
  q.bind(1, id);
  q.exec();
}

void add_to_status_counter(Connection& c, int64_t status_id, StatusCounter counter, int delta) {
  const char* sql = counter == StatusCounter::Replies
                        ? "UPDATE status_stats SET replies_count = max(0, replies_count + ?) WHERE status_id = ?"
                    : counter == StatusCounter::Reblogs
                        ? "UPDATE status_stats SET reblogs_count = max(0, reblogs_count + ?) WHERE status_id = ?"
                        : "UPDATE status_stats SET favourites_count = max(0, favourites_count + ?) WHERE status_id = ?";
  auto& q = c.prepare(sql);
  q.bind(1, delta);
  q.bind(2, status_id);
  q.exec();
}

void add_to_account_statuses(Connection& c, int64_t account_id, int delta, std::optional<int64_t> last_status_at) {
  auto& q = c.prepare(
      "INSERT INTO account_stats (account_id, statuses_count, last_status_at) VALUES (?1, max(0, ?2), ?3)"
      " ON CONFLICT (account_id) DO UPDATE SET statuses_count = max(0, statuses_count + ?2),"
      " last_status_at = coalesce(?3, last_status_at)");
  q.bind(1, account_id);
  q.bind(2, delta);
  bind_optional(q, 3, last_status_at);
  q.exec();
}

void insert_mention(Connection& c, int64_t id, int64_t status_id, int64_t account_id, bool silent) {
  auto& q = c.prepare(
      "INSERT OR IGNORE INTO mentions (id, status_id, account_id, silent) VALUES (?, ?, ?, ?)");
  q.bind(1, id);
  q.bind(2, status_id);
  q.bind(3, account_id);
  q.bind(4, silent ? 1 : 0);
  q.exec();
}

std::vector<std::pair<int64_t, int64_t>> mentions_of(Connection& c, const std::vector<int64_t>& status_ids) {
  std::vector<std::pair<int64_t, int64_t>> out;
  if (status_ids.empty()) return out;
  auto& q = c.prepare(
      "SELECT status_id, account_id FROM mentions WHERE status_id IN (SELECT value FROM json_each(?)) "
      "AND silent = 0 ORDER BY id");
  q.bind(1, id_list(status_ids));
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  return out;
}

void delete_mentions(Connection& c, int64_t status_id) {
  auto& q = c.prepare("DELETE FROM mentions WHERE status_id = ?");
  q.bind(1, status_id);
  q.exec();
}

int64_t upsert_tag(Connection& c, int64_t new_id, const std::string& name, const std::string& display_name,
                   int64_t now) {
  auto& insert = c.prepare(
      "INSERT INTO tags (id, name, display_name, created_at, last_status_at) VALUES (?1, ?2, ?3, ?4, ?4)"
      " ON CONFLICT (name) DO UPDATE SET last_status_at = ?4");
  insert.bind(1, new_id);
  insert.bind(2, name);
  insert.bind(3, display_name);
  insert.bind(4, now);
  insert.exec();
  auto id = find_tag_id(c, name);
  return id.value_or(new_id);
}

std::optional<int64_t> find_tag_id(Connection& c, const std::string& name) {
  auto& q = c.prepare("SELECT id FROM tags WHERE name = ?");
  q.bind(1, name);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

void link_status_tag(Connection& c, int64_t status_id, int64_t tag_id) {
  auto& q = c.prepare("INSERT OR IGNORE INTO status_tags (status_id, tag_id) VALUES (?, ?)");
  q.bind(1, status_id);
  q.bind(2, tag_id);
  q.exec();
}

void unlink_status_tags(Connection& c, int64_t status_id) {
  auto& q = c.prepare("DELETE FROM status_tags WHERE status_id = ?");
  q.bind(1, status_id);
  q.exec();
}

std::vector<std::pair<int64_t, std::string>> tags_of(Connection& c, const std::vector<int64_t>& status_ids) {
  std::vector<std::pair<int64_t, std::string>> out;
  if (status_ids.empty()) return out;
  auto& q = c.prepare(
      "SELECT st.status_id, t.name FROM status_tags st JOIN tags t ON t.id = st.tag_id "
      "WHERE st.status_id IN (SELECT value FROM json_each(?)) ORDER BY t.name");
  q.bind(1, id_list(status_ids));
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
  return out;
}

ViewerFlags viewer_flags(Connection& c, int64_t viewer, const std::vector<int64_t>& status_ids) {
  ViewerFlags flags;
  if (status_ids.empty()) return flags;
  // One statement for the five flags: a page asks this on every timeline read, and each statement costs a
  // json_each over the ids. The page's ids are a temporary table read by every branch.
  auto& q = c.prepare(
      "WITH page(id) AS MATERIALIZED (SELECT value FROM json_each(?2))"
      " SELECT 0, status_id FROM favourites WHERE account_id = ?1 AND status_id IN page"
      " UNION ALL SELECT 1, reblog_of_id FROM statuses WHERE account_id = ?1 AND reblog_of_id IN page"
      " AND deleted_at IS NULL"
      " UNION ALL SELECT 2, status_id FROM bookmarks WHERE account_id = ?1 AND status_id IN page"
      " UNION ALL SELECT 3, status_id FROM status_pins WHERE account_id = ?1 AND status_id IN page"
      " UNION ALL SELECT 4, s.id FROM statuses s JOIN conversation_mutes m ON m.conversation_id = s.conversation_id"
      " AND m.account_id = ?1 WHERE s.id IN page");
  q.bind(1, viewer);
  q.bind(2, id_list(status_ids));
  std::set<int64_t>* by_kind[] = {&flags.favourited, &flags.reblogged, &flags.bookmarked, &flags.pinned, &flags.muted};
  while (q.executeStep()) by_kind[q.getColumn(0).getInt()]->insert(q.getColumn(1).getInt64());
  return flags;
}

std::vector<ApplicationName> application_names(Connection& c, const std::vector<int64_t>& application_ids) {
  std::vector<ApplicationName> out;
  if (application_ids.empty()) return out;
  auto& q = c.prepare(
      "SELECT id, name, website FROM oauth_applications WHERE id IN (SELECT value FROM json_each(?))");
  q.bind(1, id_list(application_ids));
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), column_text(q, 2)});
  return out;
}

void insert_status_edit(Connection& c, const StatusEditRecord& e) {
  auto& q = c.prepare(
      "INSERT INTO status_edits (id, status_id, account_id, text, content, spoiler_text, sensitive, media_ids,"
      " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, e.id);
  q.bind(2, e.status_id);
  q.bind(3, e.account_id);
  q.bind(4, e.text);
  q.bind(5, e.content);
  q.bind(6, e.spoiler_text);
  q.bind(7, e.sensitive ? 1 : 0);
  q.bind(8, e.media_ids_json);
  q.bind(9, e.created_at);
  q.exec();
}

std::vector<StatusEditRecord> status_edits(Connection& c, int64_t status_id) {
  std::vector<StatusEditRecord> out;
  auto& q = c.prepare(
      "SELECT id, status_id, account_id, text, content, spoiler_text, sensitive, media_ids, created_at"
      " FROM status_edits WHERE status_id = ? ORDER BY id");
  q.bind(1, status_id);
  while (q.executeStep()) {
    StatusEditRecord e;
    e.id = q.getColumn(0).getInt64();
    e.status_id = q.getColumn(1).getInt64();
    e.account_id = q.getColumn(2).getInt64();
    e.text = q.getColumn(3).getString();
    e.content = q.getColumn(4).getString();
    e.spoiler_text = q.getColumn(5).getString();
    e.sensitive = q.getColumn(6).getInt() != 0;
    e.media_ids_json = q.getColumn(7).getString();
    e.created_at = q.getColumn(8).getInt64();
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<int64_t> ancestor_ids(Connection& c, int64_t status_id, int max_depth) {
  std::vector<int64_t> out;
  auto& q = c.prepare(
      "WITH RECURSIVE up(id, depth) AS ("
      " SELECT in_reply_to_id, 1 FROM statuses WHERE id = ?1 AND in_reply_to_id IS NOT NULL"
      " UNION ALL SELECT s.in_reply_to_id, up.depth + 1 FROM statuses s JOIN up ON s.id = up.id"
      " WHERE s.in_reply_to_id IS NOT NULL AND up.depth < ?2)"
      " SELECT id FROM up ORDER BY depth DESC");
  q.bind(1, status_id);
  q.bind(2, max_depth);
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<int64_t> descendant_ids(Connection& c, int64_t status_id, int max_count) {
  // Depth-first thread order: each reply directly after its parent's earlier replies, as Mastodon orders them.
  std::vector<int64_t> out;
  auto& q = c.prepare(
      "WITH RECURSIVE down(id, path) AS ("
      " SELECT id, printf('%020d', id) FROM statuses WHERE in_reply_to_id = ?1 AND deleted_at IS NULL"
      " UNION ALL SELECT s.id, down.path || '/' || printf('%020d', s.id) FROM statuses s"
      " JOIN down ON s.in_reply_to_id = down.id WHERE s.deleted_at IS NULL AND length(down.path) < 4200)"
      " SELECT id FROM down ORDER BY path LIMIT ?2");
  q.bind(1, status_id);
  q.bind(2, max_count);
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::optional<int64_t> find_idempotent_status(Connection& c, int64_t account_id, const std::string& key,
                                              int64_t since) {
  auto& q = c.prepare(
      "SELECT k.status_id FROM idempotency_keys k JOIN statuses s ON s.id = k.status_id"
      " WHERE k.account_id = ? AND k.key = ? AND k.created_at >= ? AND s.deleted_at IS NULL");
  q.bind(1, account_id);
  q.bind(2, key);
  q.bind(3, since);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

void insert_idempotency_key(Connection& c, int64_t account_id, const std::string& key, int64_t status_id,
                            int64_t now) {
  auto& q = c.prepare(
      "INSERT INTO idempotency_keys (account_id, key, status_id, created_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (account_id, key) DO UPDATE SET status_id = excluded.status_id, created_at = excluded.created_at");
  q.bind(1, account_id);
  q.bind(2, key);
  q.bind(3, status_id);
  q.bind(4, now);
  q.exec();
}

std::optional<int64_t> find_conversation_by_uri(Connection& c, const std::string& uri) {
  auto& q = c.prepare("SELECT id FROM conversations WHERE uri = ?");
  q.bind(1, uri);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

void insert_conversation(Connection& c, int64_t id, const std::optional<std::string>& uri, int64_t now) {
  auto& q = c.prepare("INSERT INTO conversations (id, uri, created_at) VALUES (?, ?, ?)");
  q.bind(1, id);
  bind_optional(q, 2, uri);
  q.bind(3, now);
  q.exec();
}

}  // namespace vmst::store
