#pragma once
// The open connections of the streaming listener, so stop() can close every one of them.
//
// Threads: the io thread only, except count(), which any thread may read.
#include <atomic>
#include <cstdint>
#include <memory>
#include <unordered_map>

namespace vmst::streaming {

class ClosableSession {
 public:
  virtual ~ClosableSession() = default;
  // Closes the socket at once; pending operations finish with an error and release the session. Idempotent.
  virtual void close_now() = 0;
};

class SessionRegistry {
 public:
  // A session added after close_all() is closed at once and 0 is returned.
  uint64_t add(std::weak_ptr<ClosableSession> session);
  void remove(uint64_t id);
  void close_all();
  bool closing() const { return closing_; }
  size_t count() const { return count_.load(); }

 private:
  std::unordered_map<uint64_t, std::weak_ptr<ClosableSession>> sessions_;
  uint64_t next_id_ = 1;
  bool closing_ = false;
  std::atomic<size_t> count_{0};
};

}  // namespace vmst::streaming
