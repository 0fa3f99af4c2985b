// The remote media cache's memory of failing URLs: back-off from 1 minute doubling to 1 hour, forgotten on
// success, bounded with the oldest failure dropped first.
#include "services/recent_fetch_failures.hpp"

#include <catch2/catch.hpp>

using namespace vmst;
using services::RecentFetchFailures;
using namespace std::chrono_literals;

TEST_CASE("a failed URL is not fetched again for a minute, then a wait that doubles up to an hour",
          "[recent_fetch_failures]") {
  RecentFetchFailures failures;
  const auto t0 = RecentFetchFailures::Clock::time_point{} + 1000h;
  const std::string url = "https://down.example/a.png";
  CHECK_FALSE(failures.backing_off(url, t0));

  failures.record_failure(url, t0);
  CHECK(failures.backing_off(url, t0));
  CHECK(failures.backing_off(url, t0 + 59s));
  CHECK_FALSE(failures.backing_off(url, t0 + 60s));
  CHECK_FALSE(failures.backing_off("https://down.example/b.png", t0));  // per URL

  // Failing again doubles the wait: 2, 4, 8 ... minutes, then never more than an hour.
  auto now = t0 + 60s;
  for (auto wait : {2min, 4min, 8min, 16min, 32min, 60min, 60min, 60min}) {
    failures.record_failure(url, now);
    CHECK(failures.backing_off(url, now + wait - 1s));
    CHECK_FALSE(failures.backing_off(url, now + wait));
    now += wait;
  }
  // Many more failures never overflow the wait.
  for (int i = 0; i < 100; ++i) failures.record_failure(url, now);
  CHECK(failures.backing_off(url, now + 59min));
  CHECK_FALSE(failures.backing_off(url, now + 60min));
}

TEST_CASE("a success forgets the URL: its next failure waits a minute again", "[recent_fetch_failures]") {
  RecentFetchFailures failures;
  const auto t0 = RecentFetchFailures::Clock::time_point{} + 1000h;
  const std::string url = "https://flaky.example/a.png";
  failures.record_failure(url, t0);
  failures.record_failure(url, t0 + 1min);
  failures.record_success(url);
  CHECK_FALSE(failures.backing_off(url, t0 + 1min));
  CHECK(failures.size() == 0);
  failures.record_failure(url, t0 + 2min);
  CHECK(failures.backing_off(url, t0 + 2min + 59s));
  CHECK_FALSE(failures.backing_off(url, t0 + 3min));
}

TEST_CASE("at most `capacity` URLs are remembered, the one that failed longest ago dropped first",
          "[recent_fetch_failures]") {
  RecentFetchFailures failures(services::FetchBackoffOptions{3, 1min, 1h});
  const auto t0 = RecentFetchFailures::Clock::time_point{} + 1000h;
  failures.record_failure("a", t0);
  failures.record_failure("b", t0 + 1s);
  failures.record_failure("c", t0 + 2s);
  failures.record_failure("a", t0 + 3s);  // failed again: now the newest
  failures.record_failure("d", t0 + 4s);  // drops b
  CHECK(failures.size() == 3);
  CHECK_FALSE(failures.backing_off("b", t0 + 5s));
  for (const char* url : {"a", "c", "d"}) CHECK(failures.backing_off(url, t0 + 5s));
}
