#include "store/conversation_store.hpp"

#include <nlohmann/json.hpp>

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, account_id, conversation_id, participant_ids, last_status_id, unread, updated_at"
    " FROM account_conversations ";

AccountConversationRecord read_record(SQLite::Statement& q) {
  AccountConversationRecord r;
  r.id = q.getColumn(0).getInt64();
  r.account_id = q.getColumn(1).getInt64();
  r.conversation_id = q.getColumn(2).getInt64();
  auto ids = nlohmann::json::parse(q.getColumn(3).getString(), nullptr, false);
  if (ids.is_array()) {
    for (const auto& id : ids)
      if (id.is_number_integer()) r.participant_ids.push_back(id.get<int64_t>());
  }
  r.last_status_id = column_int(q, 4);
  r.unread = q.getColumn(5).getInt() != 0;
  r.updated_at = q.getColumn(6).getInt64();
  return r;
}

}  // namespace

void upsert_account_conversation(Connection& c, const AccountConversationRecord& r) {
  auto& q = c.prepare(
      "INSERT INTO account_conversations (id, account_id, conversation_id, participant_ids, last_status_id, unread,"
      " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
      " ON CONFLICT (account_id, conversation_id) DO UPDATE SET participant_ids = excluded.participant_ids,"
      " last_status_id = max(coalesce(last_status_id, 0), coalesce(excluded.last_status_id, 0)),"
      " unread = excluded.unread, updated_at = excluded.updated_at");
  q.bind(1, r.id);
  q.bind(2, r.account_id);
  q.bind(3, r.conversation_id);
  q.bind(4, nlohmann::json(r.participant_ids).dump());
  bind_optional(q, 5, r.last_status_id);
  q.bind(6, r.unread ? 1 : 0);
  q.bind(7, r.updated_at);
  q.exec();
  if (r.last_status_id) {
    c.record_event({CommitEvent::Kind::ConversationUpdated, *r.last_status_id, 0, {r.account_id}, {}});
  }
}

std::vector<AccountConversationRecord> account_conversations_page(Connection& c, int64_t account_id,
                                                                  const IdPage& page) {
  auto& q = c.prepare(std::string(kColumns) + "WHERE account_id = :account AND last_status_id IS NOT NULL" +
                      page_clause("last_status_id", page));
  q.bind(":account", account_id);
  bind_page(q, page);
  std::vector<AccountConversationRecord> out;
  while (q.executeStep()) out.push_back(read_record(q));
  return newest_first(std::move(out), page);
}

std::optional<AccountConversationRecord> find_account_conversation(Connection& c, int64_t account_id, int64_t id) {
  auto& q = c.prepare(std::string(kColumns) + "WHERE id = ? AND account_id = ?");
  q.bind(1, id);
  q.bind(2, account_id);
  if (!q.executeStep()) return std::nullopt;
  return read_record(q);
}

void delete_account_conversation(Connection& c, int64_t id) {
  auto& q = c.prepare("DELETE FROM account_conversations WHERE id = ?");
  q.bind(1, id);
  q.exec();
}

void mark_account_conversation_read(Connection& c, int64_t id) {
  auto& q = c.prepare("UPDATE account_conversations SET unread = 0 WHERE id = ?");
  q.bind(1, id);
  q.exec();
}

std::vector<int64_t> local_account_ids(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<int64_t> out;
  if (ids.empty()) return out;
  auto& q = c.prepare(
      "SELECT id FROM accounts WHERE id IN (SELECT value FROM json_each(?)) AND domain IS NULL ORDER BY id");
  q.bind(1, id_list(ids));
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

void set_status_conversation(Connection& c, int64_t status_id, int64_t conversation_id) {
  auto& q = c.prepare("UPDATE statuses SET conversation_id = ? WHERE id = ?");
  q.bind(1, conversation_id);
  q.bind(2, status_id);
  q.exec();
}

}  // namespace vmst::store
