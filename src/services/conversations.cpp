#include "services/conversations.hpp"

#include <algorithm>

#include "services/service_error.hpp"
#include "services/status_views.hpp"
#include "store/ids.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

ConversationPage load(store::Connection& c, int64_t viewer, std::vector<store::AccountConversationRecord> rows) {
  ConversationPage page;
  std::vector<int64_t> account_ids{viewer}, status_ids;
  for (const auto& row : rows) {
    account_ids.insert(account_ids.end(), row.participant_ids.begin(), row.participant_ids.end());
    if (row.last_status_id) status_ids.push_back(*row.last_status_id);
  }
  std::sort(account_ids.begin(), account_ids.end());
  account_ids.erase(std::unique(account_ids.begin(), account_ids.end()), account_ids.end());
  for (auto& a : store::find_accounts(c, account_ids)) page.accounts.emplace(a.id, std::move(a));
  page.statuses = load_statuses(c, status_ids, viewer);
  page.rows = std::move(rows);
  return page;
}

}  // namespace

std::vector<const store::AccountRecord*> ConversationPage::participants(
    const store::AccountConversationRecord& row) const {
  std::vector<const store::AccountRecord*> out;
  for (int64_t id : row.participant_ids)
    if (auto it = accounts.find(id); it != accounts.end()) out.push_back(&it->second);
  if (out.empty()) {
    if (auto it = accounts.find(row.account_id); it != accounts.end()) out.push_back(&it->second);
  }
  return out;
}

void record_direct_status(store::Connection& c, const store::StatusRecord& status,
                          const std::vector<int64_t>& participant_account_ids) {
  if (status.visibility != "direct") return;
  std::vector<int64_t> everyone = participant_account_ids;
  everyone.push_back(status.account_id);
  std::sort(everyone.begin(), everyone.end());
  everyone.erase(std::unique(everyone.begin(), everyone.end()), everyone.end());

  const int64_t now = now_millis();
  int64_t conversation_id = 0;
  if (status.conversation_id) {
    conversation_id = *status.conversation_id;
  } else {
    conversation_id = store::next_id();
    store::insert_conversation(c, conversation_id, std::nullopt, now);
    store::set_status_conversation(c, status.id, conversation_id);
  }
  for (int64_t reader : store::local_account_ids(c, everyone)) {
    store::AccountConversationRecord view;
    view.id = store::next_id();
    view.account_id = reader;
    view.conversation_id = conversation_id;
    for (int64_t id : everyone)
      if (id != reader) view.participant_ids.push_back(id);
    view.last_status_id = status.id;
    view.unread = reader != status.account_id;
    view.updated_at = now;
    store::upsert_account_conversation(c, view);
  }
}

ConversationPage list_conversations(store::Database& db, int64_t viewer, const store::IdPage& page) {
  return db.read([&](store::Connection& c) {
    return load(c, viewer, store::account_conversations_page(c, viewer, page));
  });
}

void remove_conversation(store::Database& db, int64_t viewer, int64_t id) {
  db.write([&](store::Connection& c) {
    if (!store::find_account_conversation(c, viewer, id)) {
      throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    }
    store::delete_account_conversation(c, id);
  });
}

ConversationPage mark_conversation_read(store::Database& db, int64_t viewer, int64_t id) {
  auto row = db.write([&](store::Connection& c) {
    auto found = store::find_account_conversation(c, viewer, id);
    if (!found) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    store::mark_account_conversation_read(c, id);
    found->unread = false;
    return *found;
  });
  return db.read([&](store::Connection& c) { return load(c, viewer, {row}); });
}

}  // namespace vmst::services
