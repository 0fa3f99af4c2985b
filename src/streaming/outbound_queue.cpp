#include "streaming/outbound_queue.hpp"

namespace vmst::streaming {

OutboundQueue::OutboundQueue(size_t max_frames, size_t max_bytes) : max_frames_(max_frames), max_bytes_(max_bytes) {}

OutboundQueue::PushResult OutboundQueue::push(std::string frame) {
  std::lock_guard lock(mutex_);
  if (closed_) return PushResult::Closed;
  if (frames_.size() >= max_frames_ || bytes_ + frame.size() > max_bytes_) {
    overflowed_ = true;
    closed_ = true;
    frames_.clear();
    bytes_ = 0;
    return PushResult::Overflowed;
  }
  bytes_ += frame.size();
  frames_.push_back(std::move(frame));
  if (wake_pending_) return PushResult::Queued;
  wake_pending_ = true;
  return PushResult::Wake;
}

OutboundQueue::Popped OutboundQueue::pop() {
  std::lock_guard lock(mutex_);
  if (overflowed_) return {Popped::Kind::Overflowed, {}};
  if (closed_) return {Popped::Kind::Closed, {}};
  if (frames_.empty()) {
    wake_pending_ = false;
    return {Popped::Kind::Empty, {}};
  }
  Popped out{Popped::Kind::Frame, std::move(frames_.front())};
  frames_.pop_front();
  bytes_ -= out.frame.size();
  return out;
}

void OutboundQueue::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  frames_.clear();
  bytes_ = 0;
}

bool OutboundQueue::overflowed() const {
  std::lock_guard lock(mutex_);
  return overflowed_;
}

size_t OutboundQueue::size() const {
  std::lock_guard lock(mutex_);
  return frames_.size();
}

}  // namespace vmst::streaming
