#include "delivery/dispatch_queue.hpp"

#include <catch2/catch.hpp>

using namespace vmst;
using namespace vmst::delivery;

namespace {
QueuedJob job(int64_t id, const std::string& host) {
  QueuedJob q;
  q.job.id = id;
  q.job.host = host;
  return q;
}
HostGate send_limit(int limit) {
  HostGate g;
  g.limit = limit;
  return g;
}
}  // namespace

TEST_CASE("jobs are handed out in claim order while hosts have free slots", "[delivery][dispatch]") {
  DispatchQueue q;
  q.add(job(1, "a"));
  q.add(job(2, "b"));
  auto gate = [](const std::string&) { return send_limit(4); };
  CHECK(q.take(gate)->queued.job.id == 1);
  CHECK(q.take(gate)->queued.job.id == 2);
  CHECK_FALSE(q.take(gate));
  CHECK(q.running_total() == 2);
}

TEST_CASE("a host at its limit does not hold up jobs for other hosts behind it", "[delivery][dispatch]") {
  DispatchQueue q;
  for (int i = 1; i <= 5; ++i) q.add(job(i, "busy"));
  q.add(job(6, "other"));
  auto gate = [](const std::string&) { return send_limit(2); };
  CHECK(q.take(gate)->queued.job.id == 1);
  CHECK(q.take(gate)->queued.job.id == 2);
  CHECK(q.take(gate)->queued.job.id == 6);  // busy is full: skip to the next host
  CHECK_FALSE(q.take(gate));
  CHECK(q.running("busy") == 2);
  q.finished("busy");
  CHECK(q.take(gate)->queued.job.id == 3);
  CHECK(q.crowded_hosts(2) == std::vector<std::string>{"busy"});
}

TEST_CASE("jobs of a host whose breaker is open are handed out at once, to be deferred", "[delivery][dispatch]") {
  DispatchQueue q;
  q.add(job(1, "down"));
  q.add(job(2, "down"));
  auto gate = [](const std::string&) {
    HostGate g;
    g.kind = HostGate::Kind::Defer;
    g.defer_until = 99;
    return g;
  };
  auto a = q.take(gate);
  auto b = q.take(gate);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->gate.kind == HostGate::Kind::Defer);
  CHECK(a->gate.defer_until == 99);
  CHECK(q.running_total() == 0);  // nothing is sent, so nothing runs
}

TEST_CASE("drain returns every waiting job and empties the queue", "[delivery][dispatch]") {
  DispatchQueue q;
  q.add(job(1, "a"));
  q.add(job(2, "a"));
  CHECK(q.drain().size() == 2);
  CHECK(q.waiting() == 0);
  CHECK(q.crowded_hosts(1).empty());
}

TEST_CASE("jobs parked behind a full host come back first, in order, when its request ends",
          "[delivery][dispatch]") {
  DispatchQueue q;
  q.add(job(1, "slow"));
  q.add(job(2, "slow"));
  q.add(job(3, "slow"));
  q.add(job(4, "fast"));
  q.add(job(5, "fast"));
  auto gate = [](const std::string&) { return send_limit(1); };
  CHECK(q.take(gate)->queued.job.id == 1);
  CHECK(q.take(gate)->queued.job.id == 4);  // 2 and 3 are parked on the way
  CHECK(q.waiting() == 3);
  CHECK_FALSE(q.take(gate));                // 5 waits for fast's slot; 2 and 3 stay parked
  q.finished("slow");
  CHECK(q.take(gate)->queued.job.id == 2);
  q.finished("fast");
  CHECK(q.take(gate)->queued.job.id == 5);
  q.finished("slow");
  CHECK(q.take(gate)->queued.job.id == 3);
  CHECK(q.waiting() == 0);
}
