#pragma once
// How a service sends activities: into the delivery queue inside the caller's write transaction (so they exist
// exactly when the change that caused them commits), remembering whether anything was queued so the caller can
// wake the delivery engine after the commit.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "federation/handlers/handler_context.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

class Outbox {
 public:
  explicit Outbox(federation::EnqueueDelivery enqueue) : enqueue_(std::move(enqueue)) {}

  // `sender` is the local account whose key signs the requests. Empty inbox URLs are skipped.
  void send(store::Connection& c, const store::AccountRecord& sender, const nlohmann::json& activity,
            const std::vector<std::string>& inboxes, int64_t now);

  // One remote account's inbox.
  void send_to(store::Connection& c, const store::AccountRecord& sender, const nlohmann::json& activity,
               const store::AccountRecord& recipient, int64_t now) {
    send(c, sender, activity, {recipient.inbox_url}, now);
  }

  bool sent() const { return sent_; }

 private:
  federation::EnqueueDelivery enqueue_;
  bool sent_ = false;
};

}  // namespace vmst::services
