#pragma once
// Direct-message conversations: each local participant's view of a thread of direct statuses (who else is in it,
// the latest status, whether it is unread). Posting records every new direct status with record_direct_status;
// the client API reads, marks read and removes the views.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "store/account_store.hpp"
#include "store/conversation_store.hpp"
#include "store/database.hpp"
#include "store/id_page.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

// Call inside the write transaction that stores a direct status (local or from another server), with the accounts
// it is addressed to (its mentions; the author may be among them or not). Every local participant's view of the
// conversation gets the status as its latest, unread for everyone but the author. A status without a
// conversation gets a new one (statuses.conversation_id is set). Statuses that are not direct are ignored.
void record_direct_status(store::Connection& c, const store::StatusRecord& status,
                          const std::vector<int64_t>& participant_account_ids);

struct ConversationPage {
  std::vector<store::AccountConversationRecord> rows;  // newest last status first
  std::unordered_map<int64_t, store::AccountRecord> accounts;  // participants (and the viewer)
  convert::mastodon::StatusBundle statuses;                    // the last statuses

  // The participants to show: the others, or the viewer alone for a conversation with oneself (as Mastodon does).
  std::vector<const store::AccountRecord*> participants(const store::AccountConversationRecord& row) const;
};

// Paged by the last status id (the Link cursor).
ConversationPage list_conversations(store::Database& db, int64_t viewer, const store::IdPage& page);
// NotFound unless it is the viewer's.
void remove_conversation(store::Database& db, int64_t viewer, int64_t id);
ConversationPage mark_conversation_read(store::Database& db, int64_t viewer, int64_t id);

}  // namespace vmst::services
