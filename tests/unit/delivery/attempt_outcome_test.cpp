#include "delivery/attempt_outcome.hpp"

#include <catch2/catch.hpp>

using namespace vmst;
using namespace vmst::delivery;
using State = store::JobUpdate::State;

namespace {
const RetrySchedule kSchedule{3, 1000, 100, 60'000, 0};

store::ClaimedJob job(int attempts_before) {
  store::ClaimedJob j;
  j.id = 42;
  j.inbox_url = "https://a.example/inbox";
  j.host = "a.example";
  j.attempts = attempts_before;
  j.fair_order = 7;
  j.next_attempt_at = 500;
  return j;
}

AttemptResult answer(int status, std::optional<int64_t> retry_after = std::nullopt) {
  AttemptResult r;
  r.kind = AttemptResult::Kind::Response;
  r.status = status;
  r.retry_after_ms = retry_after;
  return r;
}
}  // namespace

TEST_CASE("a 2xx answer finishes the job and counts as delivered", "[delivery][outcome]") {
  auto out = plan_outcome(job(0), answer(202), kSchedule, 10'000, 0.0);
  CHECK(out.update.state == State::Done);
  CHECK(out.update.attempts == 1);
  CHECK(out.update.last_status == 202);
  CHECK(out.host_effect == HostEffect::Success);
  CHECK(out.counters.at("delivery.delivered") == 1);
  CHECK(out.counters.at("delivery.status.2xx") == 1);
}

TEST_CASE("a 500 schedules a retry at the backoff", "[delivery][outcome]") {
  auto out = plan_outcome(job(0), answer(500), kSchedule, 10'000, 0.0);
  CHECK(out.update.state == State::Queued);
  CHECK(out.update.attempts == 1);
  CHECK(out.update.next_attempt_at == 10'000 + 1'100);
  CHECK_FALSE(out.update.fair_order);  // retries wait in the timed lane
  CHECK(out.host_effect == HostEffect::Failure);
  CHECK(out.counters.at("delivery.failed") == 1);
  CHECK(out.counters.at("delivery.retried") == 1);
  CHECK(out.counters.at("delivery.status.5xx") == 1);
}

TEST_CASE("a 429 with Retry-After waits as long as asked", "[delivery][outcome]") {
  auto out = plan_outcome(job(0), answer(429, 30'000), kSchedule, 10'000, 0.0);
  CHECK(out.update.state == State::Queued);
  CHECK(out.update.next_attempt_at == 40'000);
}

TEST_CASE("the last allowed attempt failing kills the job", "[delivery][outcome]") {
  auto out = plan_outcome(job(2), answer(503), kSchedule, 10'000, 0.0);
  CHECK(out.update.state == State::Dead);
  CHECK(out.update.attempts == 3);
  CHECK(out.update.last_error->find("gave up after 3 attempts") != std::string::npos);
  CHECK(out.counters.at("delivery.dropped") == 1);
  CHECK(out.counters.count("delivery.retried") == 0);
}

TEST_CASE("a permanent 4xx kills the job at once but shows the host alive", "[delivery][outcome]") {
  auto out = plan_outcome(job(0), answer(403), kSchedule, 10'000, 0.0);
  CHECK(out.update.state == State::Dead);
  CHECK(out.host_effect == HostEffect::Success);
  CHECK_FALSE(out.actor_gone);
  CHECK(out.update.last_error == "HTTP 403");
}

TEST_CASE("a 410 kills the job and marks the actor gone", "[delivery][outcome]") {
  auto out = plan_outcome(job(0), answer(410), kSchedule, 10'000, 0.0);
  CHECK(out.update.state == State::Dead);
  CHECK(out.actor_gone);
  CHECK(out.counters.at("delivery.gone") == 1);
}

TEST_CASE("a network error is a failure of the host and is retried", "[delivery][outcome]") {
  AttemptResult r;
  r.kind = AttemptResult::Kind::NetworkError;
  r.error = "Connection";
  auto out = plan_outcome(job(1), r, kSchedule, 10'000, 0.0);
  CHECK(out.update.state == State::Queued);
  CHECK(out.update.attempts == 2);
  CHECK(out.update.last_status == 0);
  CHECK(out.update.next_attempt_at == 10'000 + 1'000 + 1'600);
  CHECK(out.counters.at("delivery.status.network") == 1);
}

TEST_CASE("an address refused by the SSRF guard is never retried", "[delivery][outcome]") {
  AttemptResult r;
  r.kind = AttemptResult::Kind::Refused;
  r.error = "resolves to a non-public address";
  auto out = plan_outcome(job(0), r, kSchedule, 10'000, 0.0);
  CHECK(out.update.state == State::Dead);
  CHECK(out.host_effect == HostEffect::None);
}

TEST_CASE("a job deferred by an open breaker spends no attempt", "[delivery][outcome]") {
  AttemptResult r;
  r.kind = AttemptResult::Kind::Deferred;
  r.deferred_until = 70'000;
  auto out = plan_outcome(job(1), r, kSchedule, 10'000, 0.0);
  CHECK(out.update.state == State::Queued);
  CHECK(out.update.attempts == 1);
  CHECK(out.update.next_attempt_at == 70'000);
  CHECK_FALSE(out.update.last_status);
  CHECK(out.host_effect == HostEffect::None);
  CHECK(out.counters.at("delivery.deferred") == 1);
}

TEST_CASE("a job abandoned at shutdown goes back to its place untouched", "[delivery][outcome]") {
  AttemptResult r;
  r.kind = AttemptResult::Kind::Abandoned;
  auto out = plan_outcome(job(0), r, kSchedule, 10'000, 0.0);
  CHECK(out.update.state == State::Queued);
  CHECK(out.update.attempts == 0);
  CHECK(out.update.fair_order == 7);
  CHECK(out.update.next_attempt_at == 500);
  CHECK(out.counters.empty());
}

TEST_CASE("a job for an unavailable domain is dropped without a request", "[delivery][outcome]") {
  AttemptResult r;
  r.kind = AttemptResult::Kind::Unavailable;
  auto out = plan_outcome(job(0), r, kSchedule, 10'000, 0.0);
  CHECK(out.update.state == State::Dead);
  CHECK(out.update.attempts == 0);
  CHECK(out.counters.at("delivery.dropped") == 1);
}
