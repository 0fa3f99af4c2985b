#pragma once
// What activity handlers work with. Handlers run on the inbox processor's thread.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "federation/actor_resolver.hpp"
#include "federation/local_urls.hpp"
#include "store/database.hpp"

namespace vmst::federation {

// Queues an activity for delivery inside the caller's write transaction (the delivery engine's enqueue), so the
// jobs commit with the change that caused them.
using EnqueueDelivery = std::function<void(store::Connection& c, int64_t sender_account_id,
                                           const std::string& activity_json, const std::vector<std::string>& inboxes,
                                           int64_t now_millis)>;

struct HandlerContext {
  store::Database& db;
  ActorResolver& resolver;
  const LocalUrls& urls;
  EnqueueDelivery enqueue;
  std::function<void()> wake_delivery;  // after a commit that enqueued something
  // After a remote status was stored or edited (committed): queues copies of its media on the remote media
  // queue's threads (services/remote_media_queue.hpp), so this thread never waits for a download. May be empty.
  std::function<void(int64_t status_id)> remote_status_stored;
  // The media folder: files of what a removed remote account had (attachments, profile images) are deleted there.
  std::filesystem::path media_root;
};

}  // namespace vmst::federation
