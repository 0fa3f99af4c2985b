#include "store/account_display_store.hpp"

#include <nlohmann/json.hpp>

namespace vmst::store {

namespace {

std::optional<std::string> optional_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

std::optional<int64_t> optional_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

}  // namespace

std::vector<AccountRecord> find_accounts_for_display(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<AccountRecord> out;
  if (ids.empty()) return out;
  auto& q = c.prepare(
      "SELECT a.id, a.username, a.domain, a.actor_type, a.display_name, a.note, a.uri, a.url, a.avatar_media_id,"
      " a.avatar_remote_url, a.header_media_id, a.header_remote_url, a.fields, a.also_known_as,"
      " a.moved_to_account_id, a.locked, a.bot, a.discoverable, a.indexable, a.hide_collections, a.memorial,"
      " a.silenced_at, a.suspended_at, a.gone_at, a.created_at, a.updated_at, a.last_fetched_at,"
      " coalesce(s.statuses_count, 0), coalesce(s.following_count, 0), coalesce(s.followers_count, 0),"
      " s.last_status_at,"
      " (SELECT file_path FROM media_attachments WHERE id = a.avatar_media_id),"
      " (SELECT file_path FROM media_attachments WHERE id = a.header_media_id)"
      " FROM accounts a LEFT JOIN account_stats s ON s.account_id = a.id"
      " WHERE a.id IN (SELECT value FROM json_each(?))");
  q.bind(1, nlohmann::json(ids).dump());
  while (q.executeStep()) {
    AccountRecord a;
    int i = 0;
    a.id = q.getColumn(i++).getInt64();
    a.username = q.getColumn(i++).getString();
    a.domain = optional_text(q.getColumn(i++));
    a.actor_type = q.getColumn(i++).getString();
    a.display_name = q.getColumn(i++).getString();
    a.note = q.getColumn(i++).getString();
    a.uri = q.getColumn(i++).getString();
    a.url = optional_text(q.getColumn(i++));
    a.avatar_media_id = optional_int(q.getColumn(i++));
    a.avatar_remote_url = optional_text(q.getColumn(i++));
    a.header_media_id = optional_int(q.getColumn(i++));
    a.header_remote_url = optional_text(q.getColumn(i++));
    a.fields_json = q.getColumn(i++).getString();
    a.also_known_as_json = q.getColumn(i++).getString();
    a.moved_to_account_id = optional_int(q.getColumn(i++));
    for (auto* flag : {&a.locked, &a.bot, &a.discoverable, &a.indexable, &a.hide_collections, &a.memorial}) {
      *flag = q.getColumn(i++).getInt() != 0;
    }
    a.silenced_at = optional_int(q.getColumn(i++));
    a.suspended_at = optional_int(q.getColumn(i++));
    a.gone_at = optional_int(q.getColumn(i++));
    a.created_at = q.getColumn(i++).getInt64();
    a.updated_at = q.getColumn(i++).getInt64();
    a.last_fetched_at = optional_int(q.getColumn(i++));
    a.statuses_count = q.getColumn(i++).getInt64();
    a.following_count = q.getColumn(i++).getInt64();
    a.followers_count = q.getColumn(i++).getInt64();
    a.last_status_at = optional_int(q.getColumn(i++));
    a.avatar_file_path = optional_text(q.getColumn(i++));
    a.header_file_path = optional_text(q.getColumn(i++));
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace vmst::store
