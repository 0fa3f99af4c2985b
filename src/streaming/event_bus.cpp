#include "streaming/event_bus.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <map>

#include "streaming/topics.hpp"

namespace vmst::streaming {

EventBus::EventBus(HiddenFromViewer hidden_from_viewer) { set_hidden_from_viewer(std::move(hidden_from_viewer)); }

void EventBus::set_hidden_from_viewer(HiddenFromViewer hidden_from_viewer) {
  auto shared = hidden_from_viewer ? std::make_shared<const HiddenFromViewer>(std::move(hidden_from_viewer)) : nullptr;
  std::lock_guard lock(mutex_);
  hidden_ = std::move(shared);
}

SubscriptionId EventBus::subscribe(std::string topic, int64_t viewer_account_id, EventSink sink) {
  std::lock_guard lock(mutex_);
  SubscriptionId id = next_id_++;
  auto& list = by_topic_[topic];
  auto copy = list ? std::make_shared<std::vector<Subscriber>>(*list) : std::make_shared<std::vector<Subscriber>>();
  copy->push_back(Subscriber{id, viewer_account_id, std::move(sink)});
  list = std::move(copy);
  topic_of_.emplace(id, std::move(topic));
  return id;
}

void EventBus::unsubscribe(SubscriptionId id) {
  std::lock_guard lock(mutex_);
  auto found = topic_of_.find(id);
  if (found == topic_of_.end()) return;
  auto list = by_topic_.find(found->second);
  if (list != by_topic_.end()) {
    auto copy = std::make_shared<std::vector<Subscriber>>(*list->second);
    std::erase_if(*copy, [id](const Subscriber& s) { return s.id == id; });
    if (copy->empty()) {
      by_topic_.erase(list);
    } else {
      list->second = std::move(copy);
    }
  }
  topic_of_.erase(found);
}

size_t EventBus::publish(std::string topic, StreamEvent event) {
  return publish(std::vector<std::string>{std::move(topic)}, std::move(event));
}

size_t EventBus::publish(const std::vector<std::string>& topic_names, StreamEvent event) {
  // Snapshot under the lock; the filter may read the database and the sinks take their own locks.
  std::vector<std::pair<bool, SubscriberList>> targets;
  std::shared_ptr<const HiddenFromViewer> hidden;
  {
    std::lock_guard lock(mutex_);
    hidden = hidden_;
    for (const auto& topic : topic_names) {
      auto found = by_topic_.find(topic);
      if (found != by_topic_.end()) targets.emplace_back(topics::hides_for_viewer(topic), found->second);
    }
  }
  if (targets.empty()) return 0;

  auto shared_event = std::make_shared<const StreamEvent>(std::move(event));
  bool filter = hidden && !shared_event->involved_account_ids.empty();
  std::map<int64_t, bool> hidden_for;  // one filter call per viewer per publish
  auto is_hidden = [&](int64_t viewer) {
    auto [at, inserted] = hidden_for.emplace(viewer, false);
    if (inserted) {
      try {
        at->second = (*hidden)(viewer, shared_event->involved_account_ids);
      } catch (const std::exception& e) {
        // Showing a post from someone the viewer blocked is worse than missing one.
        spdlog::warn("streaming: hiding check failed for account {}, event withheld: {}", viewer, e.what());
        at->second = true;
      }
    }
    return at->second;
  };

  size_t delivered = 0;
  for (const auto& [hides, subscribers] : targets) {
    for (const auto& subscriber : *subscribers) {
      if (filter && hides && is_hidden(subscriber.viewer_account_id)) continue;
      try {
        subscriber.sink(shared_event);
        ++delivered;
      } catch (const std::exception& e) {
        spdlog::error("streaming: a subscriber failed to take a {} event: {}", shared_event->event, e.what());
      }
    }
  }
  return delivered;
}

size_t EventBus::subscriber_count(std::string_view topic) const {
  std::lock_guard lock(mutex_);
  auto found = by_topic_.find(std::string(topic));
  return found == by_topic_.end() ? 0 : found->second->size();
}

}  // namespace vmst::streaming
