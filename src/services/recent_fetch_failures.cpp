#include "services/recent_fetch_failures.hpp"

#include <algorithm>
#include <iterator>

namespace vmst::services {

RecentFetchFailures::RecentFetchFailures(FetchBackoffOptions options) : options_(options) {
  options_.capacity = std::max<std::size_t>(options_.capacity, 1);
}

bool RecentFetchFailures::backing_off(const std::string& url, Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(url);
  return it != entries_.end() && now < it->second.retry_at;
}

void RecentFetchFailures::record_failure(const std::string& url, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(url);
  if (it == entries_.end()) {
    if (entries_.size() >= options_.capacity) {
      entries_.erase(oldest_.front());
      oldest_.pop_front();
    }
    oldest_.push_back(url);
    it = entries_.emplace(url, Entry{0, now, std::prev(oldest_.end())}).first;
  } else {
    oldest_.splice(oldest_.end(), oldest_, it->second.age);
  }
  Entry& entry = it->second;
  entry.failures = std::min(entry.failures + 1, 31);
  // first_wait * 2^(failures - 1), capped; computed by doubling so that it cannot overflow.
  auto wait = options_.first_wait;
  for (int i = 1; i < entry.failures && wait < options_.max_wait; ++i) wait *= 2;
  entry.retry_at = now + std::min(wait, options_.max_wait);
}

void RecentFetchFailures::record_success(const std::string& url) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(url);
  if (it == entries_.end()) return;
  oldest_.erase(it->second.age);
  entries_.erase(it);
}

std::size_t RecentFetchFailures::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace vmst::services
