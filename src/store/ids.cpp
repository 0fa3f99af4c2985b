#include "store/ids.hpp"

#include <atomic>
#include <random>

#include "time/timestamps.hpp"

namespace vmst::store {

namespace {
std::atomic<int64_t> high_water{0};

int64_t random_sequence_start() {
  thread_local std::mt19937 rng{std::random_device{}()};
  return static_cast<int64_t>(rng() & 0x7FFF);
}
}  // namespace

int64_t next_id() {
  const int64_t candidate = (now_millis() << 16) | random_sequence_start();
  int64_t last = high_water.load(std::memory_order_relaxed);
  for (;;) {
    // Same millisecond as the last id (or the clock stepped back): continue that sequence.
    const int64_t next = candidate > last ? candidate : last + 1;
    if (high_water.compare_exchange_weak(last, next, std::memory_order_relaxed)) return next;
  }
}

int64_t id_for_time(int64_t unix_millis) {
  thread_local std::mt19937 rng{std::random_device{}()};
  return (unix_millis << 16) | static_cast<int64_t>(rng() & 0xFFFF);
}

}  // namespace vmst::store
