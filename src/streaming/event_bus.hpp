#pragma once
// In-process publish/subscribe between the code that makes events (HTTP handlers, the inbox processor) and the
// streaming sessions that send them to clients.
//
// Threads: every member may be called from any thread. publish() runs the viewer filter and the sinks on the
// publishing thread, outside the bus's lock, so a sink must be quick and must not block: streaming sessions queue
// the encoded frame and wake their io thread. A sink may still be called once by a publish() that was already
// running when unsubscribe() returned.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "streaming/stream_event.hpp"

namespace vmst::streaming {

// True when the viewer must not see an event involving these accounts (a block or mute either way). It may read
// the database: it runs on the publishing thread, never on the streaming io thread.
using HiddenFromViewer = std::function<bool(int64_t viewer_account_id, const std::vector<int64_t>& involved)>;
using EventSink = std::function<void(const std::shared_ptr<const StreamEvent>&)>;
using SubscriptionId = uint64_t;

class EventBus {
 public:
  // Without a filter nothing is hidden.
  explicit EventBus(HiddenFromViewer hidden_from_viewer = {});
  EventBus(const EventBus&) = delete;
  EventBus& operator=(const EventBus&) = delete;

  // For the app to wire the store query once it exists.
  void set_hidden_from_viewer(HiddenFromViewer hidden_from_viewer);

  SubscriptionId subscribe(std::string topic, int64_t viewer_account_id, EventSink sink);
  void unsubscribe(SubscriptionId id);

  // Hands the event to every subscriber of the topic, except, on public, hashtag and list topics
  // (topics::hides_for_viewer), viewers it is hidden from. Returns how many sinks were called.
  size_t publish(std::string topic, StreamEvent event);
  // One event on several topics (a status on public, public:local and its hashtags): each viewer's filter runs once.
  size_t publish(const std::vector<std::string>& topics, StreamEvent event);

  size_t subscriber_count(std::string_view topic) const;

 private:
  struct Subscriber {
    SubscriptionId id;
    int64_t viewer_account_id;
    EventSink sink;
  };
  // Copied on subscribe and unsubscribe, so publish() takes its snapshot by copying one pointer.
  using SubscriberList = std::shared_ptr<const std::vector<Subscriber>>;

  mutable std::mutex mutex_;
  std::unordered_map<std::string, SubscriberList> by_topic_;
  std::unordered_map<SubscriptionId, std::string> topic_of_;
  SubscriptionId next_id_ = 1;
  std::shared_ptr<const HiddenFromViewer> hidden_;
};

}  // namespace vmst::streaming
