#pragma once
// A first-come, first-served limit on how many threads do request work at once.
//
// cpp-httplib gives every open keep-alive connection its own worker thread, so the HTTP pool has as many threads as
// connections (http.threads, 32 by default). Left alone, 64 busy connections are 64 runnable threads on two cores:
// the kernel slices them, a thread holding a lock (a reader connection, a cache shard, the allocator) is preempted
// while the others spin and switch, and a request's latency is decided by the scheduler's luck rather than by when
// it arrived. Measured on the home timeline at 64 connections: CPU per request nearly doubled and p99 reached
// hundreds of milliseconds. With a slot per core, the other workers sleep in arrival order until a slot is free.
//
// Only CPU work should hold a slot. Code that waits on something else (the network, another thread's job) steps
// aside with `StepAside` so that a slow remote server cannot stall local requests; it queues again afterwards.
//
// Threads: any. A thread holds at most one slot (nested Holds are no-ops), remembered in a thread_local.
#include <condition_variable>
#include <deque>
#include <mutex>

namespace vmst::concurrency {

class WorkSlots {
 public:
  explicit WorkSlots(int slots);
  WorkSlots(const WorkSlots&) = delete;
  WorkSlots& operator=(const WorkSlots&) = delete;

  // Waits for a slot (in arrival order) and holds it for the scope.
  class Hold {
   public:
    explicit Hold(WorkSlots& slots);
    ~Hold();
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;

   private:
    WorkSlots* slots_ = nullptr;  // null when this thread held a slot already
  };

  int capacity() const { return capacity_; }
  // Slots nobody holds right now, and threads waiting for one (for tests and diagnostics).
  int free_slots();
  int waiting();

 private:
  friend class StepAside;
  void acquire();
  void release();

  struct Waiter {
    std::condition_variable wake;
    bool granted = false;
  };

  const int capacity_;
  std::mutex mutex_;
  int free_;
  std::deque<Waiter*> waiting_;  // a released slot goes straight to the front one, so nobody can jump the queue
};

// Gives the calling thread's slot up for the scope (a no-op on a thread that holds none) and queues for one again
// at the end. For waits on the network or on other threads.
class StepAside {
 public:
  StepAside();
  ~StepAside();
  StepAside(const StepAside&) = delete;
  StepAside& operator=(const StepAside&) = delete;

 private:
  WorkSlots* slots_ = nullptr;
};

}  // namespace vmst::concurrency
