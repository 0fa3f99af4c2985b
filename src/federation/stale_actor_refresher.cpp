#include "federation/stale_actor_refresher.hpp"

#include <spdlog/spdlog.h>

namespace vmst::federation {

namespace {
// However many actors go stale at once, the queue stays bounded; the rest are noticed again when next used.
constexpr size_t kMaxQueued = 1000;
}  // namespace

bool actor_is_stale(const store::AccountRecord& account, int64_t now_millis) {
  if (account.local()) return false;
  return !account.last_fetched_at || *account.last_fetched_at < now_millis - kActorStaleAfterMillis;
}

StaleActorRefresher::StaleActorRefresher(ActorResolver& resolver) : resolver_(resolver) {}

StaleActorRefresher::~StaleActorRefresher() { stop(); }

void StaleActorRefresher::start() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { run(); });
}

void StaleActorRefresher::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeup_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void StaleActorRefresher::request(const std::string& actor_uri) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queued_.size() >= kMaxQueued || !queued_.insert(actor_uri).second) return;
    queue_.push_back(actor_uri);
  }
  wakeup_.notify_one();
}

void StaleActorRefresher::refresh_if_stale(const store::AccountRecord& account, int64_t now_millis) {
  if (actor_is_stale(account, now_millis)) request(account.uri);
}

void StaleActorRefresher::refresh_one(const std::string& uri) {
  try {
    resolver_.by_uri(uri, true);
  } catch (const std::exception& e) {
    spdlog::info("refreshing stale actor {} failed, keeping what we have: {}", uri, e.what());
  }
  std::lock_guard lock(mutex_);
  queued_.erase(uri);
}

int StaleActorRefresher::refresh_pending() {
  int tried = 0;
  while (true) {
    std::string uri;
    {
      std::lock_guard lock(mutex_);
      if (queue_.empty()) return tried;
      uri = std::move(queue_.front());
      queue_.pop_front();
    }
    refresh_one(uri);
    ++tried;
  }
}

void StaleActorRefresher::run() {
  while (true) {
    std::string uri;
    {
      std::unique_lock lock(mutex_);
      wakeup_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      uri = std::move(queue_.front());
      queue_.pop_front();
    }
    refresh_one(uri);
  }
}

}  // namespace vmst::federation
