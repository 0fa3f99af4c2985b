#pragma once
// What a write transaction changed that someone may be watching live (streaming clients). Repositories record
// these on the writer connection as they write; Database hands them to its commit listener after COMMIT and drops
// them on rollback, so listeners never hear of changes that did not happen, and every path that writes (the client
// API, the inbox processor, the CLI) is covered without each caller remembering to publish.
#include <cstdint>
#include <string>
#include <vector>

namespace vmst::store {

struct CommitEvent {
  enum class Kind {
    HomeFeedAdded,        // status_id entered the home feeds of account_ids
    NotificationCreated,  // notification_id for account_ids[0]
    StatusCreated,        // status_id
    StatusUpdated,        // status_id
    StatusDeleted,        // status_id, was in the home feeds of account_ids and carried tags
    FiltersChanged,       // account_ids[0] created, changed or removed a filter
    ConversationUpdated,  // status_id became the last status of the conversation views of (local) account_ids
  };
  Kind kind;
  int64_t status_id = 0;
  int64_t notification_id = 0;
  std::vector<int64_t> account_ids;
  std::vector<std::string> tags;  // normalised names
};

}  // namespace vmst::store
