#include "delivery/enqueue.hpp"

#include <catch2/catch.hpp>

#include "delivery/circuit_breaker.hpp"
#include "delivery_test_support.hpp"
#include "store/delivery_store.hpp"
#include "store/instance_health_store.hpp"

using namespace vmst;

namespace {
const std::string kBody = R"({"type":"Create","id":"https://social.example/activities/1"})";

std::vector<std::string> claimed_inboxes(store::Database& db, int limit, int64_t now = 5000) {
  return db.write([&](store::Connection& c) {
    std::vector<std::string> out;
    for (auto& j : store::claim_due_jobs(c, now, limit, {})) out.push_back(j.inbox_url);
    return out;
  });
}
}  // namespace

TEST_CASE("enqueue stores the body once and one job per distinct inbox, due now", "[delivery][enqueue]") {
  testing::DeliveryFixture f;
  auto result = f.db.write([&](store::Connection& c) {
    return delivery::enqueue_deliveries(c, f.alice, kBody,
                                        {"https://a.example/inbox", "https://a.example/inbox",
                                         "https://b.example/users/x/inbox", "mailto:x@y"},
                                        1000);
  });
  CHECK(result.jobs == 2);
  CHECK(result.skipped_invalid == 1);
  CHECK(f.count("SELECT count(*) FROM outbound_activities") == 1);
  CHECK(f.count("SELECT count(*) FROM delivery_jobs WHERE state = 'queued' AND next_attempt_at = 1000") == 2);
  CHECK(f.count("SELECT count(*) FROM delivery_jobs WHERE outbound_activity_id = " +
                std::to_string(result.outbound_activity_id)) == 2);
}

TEST_CASE("enqueue with no deliverable inbox stores nothing", "[delivery][enqueue]") {
  testing::DeliveryFixture f;
  f.db.write([&](store::Connection& c) { delivery::enqueue(c, f.alice, kBody, {}, 1000); });
  CHECK(f.count("SELECT count(*) FROM outbound_activities") == 0);
}

TEST_CASE("enqueue is part of the caller's transaction: a rollback leaves no job", "[delivery][enqueue]") {
  testing::DeliveryFixture f;
  CHECK_THROWS(f.db.write([&](store::Connection& c) {
    delivery::enqueue(c, f.alice, kBody, {"https://a.example/inbox"}, 1000);
    throw std::runtime_error("the change that caused the delivery failed");
  }));
  CHECK(f.count("SELECT count(*) FROM delivery_jobs") == 0);
  CHECK(f.count("SELECT count(*) FROM outbound_activities") == 0);
}

TEST_CASE("inboxes on suspended domains and their subdomains get no job", "[delivery][enqueue]") {
  testing::DeliveryFixture f;
  auto result = f.db.write([&](store::Connection& c) {
    c.exec("INSERT INTO domain_blocks (domain, severity, created_at, updated_at) VALUES ('bad.example', 'suspend', 1, 1),"
           " ('quiet.example', 'silence', 1, 1)");
    return delivery::enqueue_deliveries(c, f.alice, kBody,
                                        {"https://bad.example/inbox", "https://eu.bad.example:8443/inbox",
                                         "https://notbad.example/inbox", "https://quiet.example/inbox"},
                                        1000);
  });
  CHECK(result.skipped_suspended == 2);
  CHECK(result.jobs == 2);
}

TEST_CASE("inboxes on unavailable domains get no job until the domain is heard from", "[delivery][enqueue]") {
  testing::DeliveryFixture f;
  f.db.write([&](store::Connection& c) {
    store::InstanceHealth h;
    h.domain = "dead.example";
    h.unavailable_since = 5;
    h.failure_days = {"2026-01-01", "2026-01-02"};
    h.consecutive_failures = 40;
    store::save_instance_health(c, h, 1);
  });
  auto first = f.db.write([&](store::Connection& c) {
    return delivery::enqueue_deliveries(c, f.alice, kBody, {"https://dead.example/inbox"}, 1000);
  });
  CHECK(first.skipped_unavailable == 1);
  CHECK(first.jobs == 0);

  f.db.write([&](store::Connection& c) { delivery::record_inbound_success(c, "DEAD.example"); });
  auto health = f.db.read([](store::Connection& c) { return store::find_instance_health(c, "dead.example"); });
  REQUIRE(health);
  CHECK_FALSE(health->troubled());
  CHECK(health->failure_days.empty());
  auto second = f.db.write([&](store::Connection& c) {
    return delivery::enqueue_deliveries(c, f.alice, kBody, {"https://dead.example/inbox"}, 1000);
  });
  CHECK(second.jobs == 1);
}

TEST_CASE("record_inbound_success writes nothing for a healthy or unknown domain", "[delivery][enqueue]") {
  testing::DeliveryFixture f;
  bool changed = f.db.write([&](store::Connection& c) {
    delivery::record_inbound_success(c, "never.example");
    return c.changes() > 0;
  });
  CHECK_FALSE(changed);
  CHECK(f.count("SELECT count(*) FROM instances WHERE domain = 'never.example'") == 0);
}

TEST_CASE("a later small fan-out interleaves with a large one already waiting", "[delivery][enqueue][fairness]") {
  testing::DeliveryFixture f;
  std::vector<std::string> big, small;
  for (int i = 0; i < 100; ++i) big.push_back("https://big" + std::to_string(i) + ".example/inbox");
  for (int i = 0; i < 3; ++i) small.push_back("https://small" + std::to_string(i) + ".example/inbox");
  f.db.write([&](store::Connection& c) { delivery::enqueue(c, f.alice, kBody, big, 1000); });
  // Ten of the big fan-out's jobs are already taken when the small one arrives.
  CHECK(claimed_inboxes(f.db, 10).size() == 10);
  f.db.write([&](store::Connection& c) { delivery::enqueue(c, f.alice, kBody, small, 2000); });

  auto next = claimed_inboxes(f.db, 6);
  // One for one: the small fan-out does not wait behind the 90 remaining jobs of the big one.
  CHECK(next == std::vector<std::string>{"https://big10.example/inbox", "https://small0.example/inbox",
                                         "https://big11.example/inbox", "https://small1.example/inbox",
                                         "https://big12.example/inbox", "https://small2.example/inbox"});
}

TEST_CASE("due retries are claimed before fresh jobs, and retries not yet due are left", "[delivery][enqueue]") {
  testing::DeliveryFixture f;
  f.db.write([&](store::Connection& c) {
    delivery::enqueue(c, f.alice, kBody, {"https://a.example/1", "https://a.example/2", "https://a.example/3"}, 1000);
  });
  auto claimed = f.db.write([&](store::Connection& c) { return store::claim_due_jobs(c, 1000, 2, {}); });
  REQUIRE(claimed.size() == 2);
  f.db.write([&](store::Connection& c) {
    store::JobUpdate due{claimed[0].id, store::JobUpdate::State::Queued, 1, 1500, std::nullopt, 500, "HTTP 500"};
    store::JobUpdate later{claimed[1].id, store::JobUpdate::State::Queued, 1, 9000, std::nullopt, 500, "HTTP 500"};
    store::apply_job_updates(c, {due, later}, 1100);
  });
  auto next = f.db.write([&](store::Connection& c) { return store::claim_due_jobs(c, 2000, 5, {}); });
  REQUIRE(next.size() == 2);
  CHECK(next[0].inbox_url == "https://a.example/1");  // the due retry first
  CHECK(next[0].attempts == 1);
  CHECK(next[1].inbox_url == "https://a.example/3");  // then the fresh job; /2 waits until 9000
}

TEST_CASE("jobs left in flight by a crashed run are queued again, in their place", "[delivery][enqueue]") {
  testing::DeliveryFixture f;
  f.db.write([&](store::Connection& c) { delivery::enqueue(c, f.alice, kBody, {"https://a.example/1", "https://b.example/1"}, 1000); });
  CHECK(claimed_inboxes(f.db, 10).size() == 2);
  CHECK(f.count("SELECT count(*) FROM delivery_jobs WHERE state = 'in_flight'") == 2);
  CHECK(f.db.write([](store::Connection& c) { return store::requeue_in_flight_jobs(c, 5000); }) == 2);
  CHECK(claimed_inboxes(f.db, 10) == std::vector<std::string>{"https://a.example/1", "https://b.example/1"});
}

TEST_CASE("an opened breaker moves the host's waiting jobs to the end of its cool-off", "[delivery][enqueue]") {
  testing::DeliveryFixture f;
  f.db.write([&](store::Connection& c) {
    delivery::enqueue(c, f.alice, kBody, {"https://a.example/1", "https://a.example/2", "https://b.example/1"}, 1000);
  });
  CHECK(f.db.write([](store::Connection& c) { return store::defer_host_jobs(c, "a.example", 60'000, 1000); }) == 2);
  CHECK(claimed_inboxes(f.db, 10) == std::vector<std::string>{"https://b.example/1"});
  auto later = f.db.write([&](store::Connection& c) { return store::claim_due_jobs(c, 60'000, 10, {}); });
  CHECK(later.size() == 2);
}

TEST_CASE("a 410 marks the remote actor with that personal inbox gone", "[delivery][enqueue]") {
  testing::DeliveryFixture f;
  f.db.write([&](store::Connection& c) {
    c.exec("INSERT INTO accounts (id, username, domain, uri, inbox_url, created_at, updated_at) VALUES"
           " (9001, 'bob', 'b.example', 'https://b.example/users/bob', 'https://b.example/users/bob/inbox', 1, 1),"
           " (9002, 'carol', 'b.example', 'https://b.example/users/carol', 'https://b.example/users/carol/inbox', 1, 1)");
  });
  int marked = f.db.write([](store::Connection& c) {
    return store::mark_actors_gone_by_inbox(c, "https://b.example/users/bob/inbox", 777);
  });
  CHECK(marked == 1);
  CHECK(f.count("SELECT gone_at FROM accounts WHERE id = 9001") == 777);
  CHECK(f.count("SELECT count(*) FROM accounts WHERE id = 9002 AND gone_at IS NULL") == 1);
}
