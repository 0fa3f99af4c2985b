#pragma once
// SQL for direct-message conversations as each local participant sees them (account_conversations).
#include <cstdint>
#include <optional>
#include <vector>

#include "store/database.hpp"
#include "store/id_page.hpp"

namespace vmst::store {

struct AccountConversationRecord {
  int64_t id = 0;
  int64_t account_id = 0;
  int64_t conversation_id = 0;
  std::vector<int64_t> participant_ids;  // everyone in it but account_id
  std::optional<int64_t> last_status_id;
  bool unread = false;
  int64_t updated_at = 0;
};

// Adds a status to the account's view of the conversation, creating the view when new. last_status_id only moves
// forward (a late-arriving older status does not replace a newer one); unread is set as given.
void upsert_account_conversation(Connection& c, const AccountConversationRecord& record);

// The account's conversations by last_status_id (the paging cursor), newest first.
std::vector<AccountConversationRecord> account_conversations_page(Connection& c, int64_t account_id,
                                                                  const IdPage& page);
std::optional<AccountConversationRecord> find_account_conversation(Connection& c, int64_t account_id, int64_t id);
void delete_account_conversation(Connection& c, int64_t id);
void mark_account_conversation_read(Connection& c, int64_t id);

// Local accounts among ids.
std::vector<int64_t> local_account_ids(Connection& c, const std::vector<int64_t>& ids);

// Puts a status into a conversation (statuses.conversation_id).
void set_status_conversation(Connection& c, int64_t status_id, int64_t conversation_id);

}  // namespace vmst::store
