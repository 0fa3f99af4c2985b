#pragma once
// Refreshes remote actors whose stored copy went stale (older than a day, as Mastodon's 1-day limit), on its own
// thread, so that whoever noticed (an inbox POST being verified, the inbox processor, a profile lookup) goes on at
// once with the copy it has (today: the signer of every inbox POST). A failed fetch keeps the old record. Each actor is queued at most once at a time.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "federation/actor_resolver.hpp"

namespace vmst::federation {

// Remote actors stored longer ago than this are stale (Mastodon refetches after a day).
inline constexpr int64_t kActorStaleAfterMillis = 24LL * 3600 * 1000;
bool actor_is_stale(const store::AccountRecord& account, int64_t now_millis);

class StaleActorRefresher {
 public:
  explicit StaleActorRefresher(ActorResolver& resolver);
  ~StaleActorRefresher();

  void start();
  void stop();  // waits for the fetch in progress

  // Queues a refresh of the actor (ignored while one is queued or running, or once stopped).
  void request(const std::string& actor_uri);
  // Queues a refresh when the stored copy is stale; the caller goes on with the copy it has.
  void refresh_if_stale(const store::AccountRecord& account, int64_t now_millis);

  // Refreshes everything queued now, on the calling thread (tests). Returns how many actors it tried.
  int refresh_pending();

 private:
  void run();
  void refresh_one(const std::string& uri);

  ActorResolver& resolver_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  std::deque<std::string> queue_;
  std::set<std::string> queued_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vmst::federation
