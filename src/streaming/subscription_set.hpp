#pragma once
// The streams one connection is subscribed to, each held as bus subscriptions on its topics. Removing a stream or
// destroying the set unsubscribes from the bus.
//
// Threads: the owning session's (the io thread); the destructor may run wherever the session dies.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "streaming/event_bus.hpp"
#include "streaming/stream_names.hpp"

namespace vmst::streaming {

class SubscriptionSet {
 public:
  SubscriptionSet(EventBus& bus, int64_t viewer_account_id, size_t limit);
  SubscriptionSet(const SubscriptionSet&) = delete;
  SubscriptionSet& operator=(const SubscriptionSet&) = delete;
  ~SubscriptionSet();

  enum class AddResult { Added, AlreadySubscribed, TooMany };
  AddResult add(const ResolvedStream& stream, const EventSink& sink);
  bool contains(const std::string& key) const { return streams_.count(key) > 0; }
  void remove(const std::string& key);
  void clear();
  size_t size() const { return streams_.size(); }

 private:
  EventBus& bus_;
  int64_t viewer_;
  size_t limit_;
  std::map<std::string, std::vector<SubscriptionId>> streams_;  // by ResolvedStream::key
};

}  // namespace vmst::streaming
