#include "concurrency/work_slots.hpp"

#include <algorithm>

namespace vmst::concurrency {

namespace {
thread_local WorkSlots* held_slot = nullptr;
}  // namespace

WorkSlots::WorkSlots(int slots) : capacity_(std::max(1, slots)), free_(capacity_) {}

int WorkSlots::free_slots() {
  std::lock_guard lock(mutex_);
  return free_;
}

int WorkSlots::waiting() {
  std::lock_guard lock(mutex_);
  return static_cast<int>(waiting_.size());
}

void WorkSlots::acquire() {
  std::unique_lock lock(mutex_);
  if (free_ > 0 && waiting_.empty()) {
    --free_;
    return;
  }
  Waiter me;
  waiting_.push_back(&me);
  me.wake.wait(lock, [&] { return me.granted; });
}

void WorkSlots::release() {
  std::lock_guard lock(mutex_);
  if (waiting_.empty()) {
    ++free_;
    return;
  }
  // Handed over under the lock: the waiter cannot return (and destroy its Waiter) before we are done with it.
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->granted = true;
  next->wake.notify_one();
}

WorkSlots::Hold::Hold(WorkSlots& slots) {
  if (held_slot) return;
  slots.acquire();
  slots_ = &slots;
  held_slot = &slots;
}

WorkSlots::Hold::~Hold() {
  if (!slots_) return;
  held_slot = nullptr;
  slots_->release();
}

StepAside::StepAside() : slots_(held_slot) {
  if (!slots_) return;
  held_slot = nullptr;
  slots_->release();
}

StepAside::~StepAside() {
  if (!slots_) return;
  slots_->acquire();
  held_slot = slots_;
}

}  // namespace vmst::concurrency
