#include "streaming/subscription_set.hpp"

namespace vmst::streaming {

SubscriptionSet::SubscriptionSet(EventBus& bus, int64_t viewer_account_id, size_t limit)
    : bus_(bus), viewer_(viewer_account_id), limit_(limit) {}

SubscriptionSet::~SubscriptionSet() { clear(); }

SubscriptionSet::AddResult SubscriptionSet::add(const ResolvedStream& stream, const EventSink& sink) {
  if (streams_.count(stream.key)) return AddResult::AlreadySubscribed;
  if (streams_.size() >= limit_) return AddResult::TooMany;
  auto& ids = streams_[stream.key];
  for (const auto& topic : stream.topics) ids.push_back(bus_.subscribe(topic, viewer_, sink));
  return AddResult::Added;
}

void SubscriptionSet::remove(const std::string& key) {
  auto found = streams_.find(key);
  if (found == streams_.end()) return;
  for (auto id : found->second) bus_.unsubscribe(id);
  streams_.erase(found);
}

void SubscriptionSet::clear() {
  for (const auto& [key, ids] : streams_) {
    for (auto id : ids) bus_.unsubscribe(id);
  }
  streams_.clear();
}

}  // namespace vmst::streaming
