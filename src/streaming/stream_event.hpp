#pragma once
// One event as publishers hand it to the bus and sessions send it to clients.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vmst::streaming {

struct StreamEvent {
  // "update", "delete", "notification", "status.update", "filters_changed", "conversation", ...
  std::string event;
  // Already encoded for the wire: a JSON document as text (update, notification, status.update, conversation), a
  // bare id (delete), or none (filters_changed). Rendered once by the publisher, sent as is to every subscriber.
  std::optional<std::string> payload;
  // Accounts whose blocks and mutes hide the event on public, hashtag and list streams (author, mentions, the
  // reblogged author). Empty: nobody's relationships hide it.
  std::vector<int64_t> involved_account_ids;
};

}  // namespace vmst::streaming
