#include "store/ids.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <thread>
#include <vector>

#include "time/timestamps.hpp"

TEST_CASE("ids from many threads are unique and increase within each thread", "[ids]") {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 20000;
  std::vector<std::vector<int64_t>> minted(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      minted[t].reserve(kPerThread);
      for (int i = 0; i < kPerThread; ++i) minted[t].push_back(vmst::store::next_id());
    });
  }
  for (auto& th : threads) th.join();

  std::set<int64_t> all;
  for (const auto& ids : minted) {
    CHECK(std::adjacent_find(ids.begin(), ids.end(), std::greater_equal<>()) == ids.end());
    all.insert(ids.begin(), ids.end());
  }
  CHECK(all.size() == static_cast<size_t>(kThreads * kPerThread));
}

TEST_CASE("an id carries the millisecond it was minted in", "[ids]") {
  int64_t before = vmst::now_millis();
  int64_t id = vmst::store::next_id();
  int64_t after = vmst::now_millis();
  // A burst above 32k ids in one millisecond spills into the next ones, so allow a little slack above.
  CHECK(vmst::store::id_time_millis(id) >= before);
  CHECK(vmst::store::id_time_millis(id) <= after + 50);
  CHECK(id > 0);
}

TEST_CASE("ids for earlier times sort before ids for later times", "[ids]") {
  int64_t t = 1700000000000;
  CHECK(vmst::store::id_for_time(t) < vmst::store::id_for_time(t + 1));
  CHECK(vmst::store::id_time_millis(vmst::store::id_for_time(t)) == t);
  CHECK(vmst::store::id_for_time(t) < vmst::store::next_id());
}
