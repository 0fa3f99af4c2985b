#include "store/account_row.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

const char* const kAccountHeadColumns =
    "SELECT a.id, a.username, a.domain, a.actor_type, a.display_name, a.note, a.uri, a.url, ";

const char* const kAccountTailColumns =
    "a.avatar_media_id, a.avatar_remote_url, a.header_media_id, a.header_remote_url, a.fields, a.also_known_as,"
    " a.moved_to_account_id, a.locked, a.bot, a.discoverable, a.indexable, a.hide_collections, a.memorial,"
    " a.silenced_at, a.suspended_at, a.gone_at, a.created_at, a.updated_at, a.last_fetched_at,"
    " coalesce(s.statuses_count, 0), coalesce(s.following_count, 0), coalesce(s.followers_count, 0),"
    " s.last_status_at,"
    " (SELECT file_path FROM media_attachments WHERE id = a.avatar_media_id),"
    " (SELECT file_path FROM media_attachments WHERE id = a.header_media_id)"
    " FROM accounts a LEFT JOIN account_stats s ON s.account_id = a.id ";

void read_account_head(SQLite::Statement& q, int& i, AccountRecord& a) {
  a.id = q.getColumn(i++).getInt64();
  a.username = q.getColumn(i++).getString();
  a.domain = column_text(q, i++);
  a.actor_type = q.getColumn(i++).getString();
  a.display_name = q.getColumn(i++).getString();
  a.note = q.getColumn(i++).getString();
  a.uri = q.getColumn(i++).getString();
  a.url = column_text(q, i++);
}

void read_account_tail(SQLite::Statement& q, int& i, AccountRecord& a) {
  a.avatar_media_id = column_int(q, i++);
  a.avatar_remote_url = column_text(q, i++);
  a.header_media_id = column_int(q, i++);
  a.header_remote_url = column_text(q, i++);
  a.fields_json = q.getColumn(i++).getString();
  a.also_known_as_json = q.getColumn(i++).getString();
  a.moved_to_account_id = column_int(q, i++);
  for (auto* flag : {&a.locked, &a.bot, &a.discoverable, &a.indexable, &a.hide_collections, &a.memorial}) {
    *flag = q.getColumn(i++).getInt() != 0;
  }
  a.silenced_at = column_int(q, i++);
  a.suspended_at = column_int(q, i++);
  a.gone_at = column_int(q, i++);
  a.created_at = q.getColumn(i++).getInt64();
  a.updated_at = q.getColumn(i++).getInt64();
  a.last_fetched_at = column_int(q, i++);
  a.statuses_count = q.getColumn(i++).getInt64();
  a.following_count = q.getColumn(i++).getInt64();
  a.followers_count = q.getColumn(i++).getInt64();
  a.last_status_at = column_int(q, i++);
  a.avatar_file_path = column_text(q, i++);
  a.header_file_path = column_text(q, i++);
}

}  // namespace vmst::store
