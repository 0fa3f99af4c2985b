#include "concurrency/work_slots.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using vmst::concurrency::StepAside;
using vmst::concurrency::WorkSlots;

namespace {

void wait_for_waiters(WorkSlots& slots, int count) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (slots.waiting() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(slots.waiting() == count);
}

}  // namespace

TEST_CASE("work slots are granted in the order threads asked for them", "[work_slots]") {
  WorkSlots slots(1);
  std::vector<int> order;
  std::mutex order_mutex;
  std::vector<std::thread> threads;
  {
    WorkSlots::Hold first(slots);
    for (int n = 0; n < 6; ++n) {
      threads.emplace_back([&, n] {
        WorkSlots::Hold hold(slots);
        std::lock_guard lock(order_mutex);
        order.push_back(n);
      });
      wait_for_waiters(slots, n + 1);  // thread n is queued before thread n + 1 starts
    }
  }
  for (auto& t : threads) t.join();
  CHECK(order == std::vector<int>{0, 1, 2, 3, 4, 5});
  CHECK(slots.free_slots() == 1);
}

TEST_CASE("no more threads hold work slots at once than there are slots", "[work_slots]") {
  WorkSlots slots(2);
  std::atomic<int> inside{0};
  std::atomic<int> most{0};
  std::vector<std::thread> threads;
  for (int n = 0; n < 8; ++n) {
    threads.emplace_back([&] {
      for (int round = 0; round < 5; ++round) {
        WorkSlots::Hold hold(slots);
        int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        --inside;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(most.load() == 2);
  CHECK(slots.free_slots() == 2);
}

TEST_CASE("a thread that steps aside lets a waiting thread work, and queues again afterwards", "[work_slots]") {
  WorkSlots slots(1);
  std::atomic<bool> other_worked{false};
  std::atomic<bool> other_may_finish{false};
  std::thread other;
  {
    WorkSlots::Hold hold(slots);
    other = std::thread([&] {
      WorkSlots::Hold other_hold(slots);
      other_worked = true;
      while (!other_may_finish) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    wait_for_waiters(slots, 1);
    {
      StepAside aside;
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (!other_worked && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      REQUIRE(other_worked);
      other_may_finish = true;
    }  // waits here until the other thread lets its slot go
    CHECK(slots.free_slots() == 0);
  }
  other.join();
  CHECK(slots.free_slots() == 1);
}

TEST_CASE("stepping aside without a slot and holding twice on one thread change nothing", "[work_slots]") {
  WorkSlots slots(1);
  {
    StepAside aside;  // this thread holds no slot
    CHECK(slots.free_slots() == 1);
  }
  {
    WorkSlots::Hold outer(slots);
    WorkSlots::Hold inner(slots);  // would wait forever if it asked for a second slot
    CHECK(slots.free_slots() == 0);
  }
  CHECK(slots.free_slots() == 1);
}
