#pragma once
// Frames waiting to be written to one client. Publishers push from their own threads; the session's writer on the io
// thread pops. Bounded: a client that does not read fast enough overflows it and is dropped, so a stuck reader costs
// at most the bound, never unbounded memory.
//
// Wake-ups: push() answers Wake when the writer may be idle (the queue had no undelivered wake-up); the pusher then
// posts one wake-up to the io thread. The writer keeps popping until pop() answers Empty, which re-arms the next Wake.
// The push that overflows answers Overflowed, and the pusher wakes the session even if its writer is busy: a writer
// stuck on a client that does not read would otherwise never look at the queue again.
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

namespace vmst::streaming {

class OutboundQueue {
 public:
  OutboundQueue(size_t max_frames, size_t max_bytes);

  enum class PushResult { Queued, Wake, Overflowed, Closed };
  // On overflow the queue closes itself: later pushes are Closed and pop() reports Overflowed.
  PushResult push(std::string frame);

  struct Popped {
    enum class Kind { Frame, Empty, Overflowed, Closed } kind;
    std::string frame;
  };
  Popped pop();

  void close();  // the session ended: pushes are refused and what is queued is dropped
  bool overflowed() const;
  size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::deque<std::string> frames_;
  size_t bytes_ = 0;
  size_t max_frames_;
  size_t max_bytes_;
  bool wake_pending_ = false;
  bool overflowed_ = false;
  bool closed_ = false;
};

}  // namespace vmst::streaming
