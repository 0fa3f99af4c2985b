#include "store/commit_event_relay.hpp"

#include <catch2/catch.hpp>

#include "store/migrations.hpp"
#include "support/temp_dir.hpp"
#include "time/timestamps.hpp"

using namespace vmst::store;

namespace {

// Two handles on one file, as the admin CLI and the running server have.
struct TwoProcesses {
  vmst::testing::TempDir dir;
  Database cli{DatabaseOptions{dir.path() / "vmst.db", 1, 1000, 2}};
  Database server{DatabaseOptions{dir.path() / "vmst.db", 1, 1000, 2}};
  TwoProcesses() {
    apply_migrations(cli);
    relay_commits(cli);
  }

  std::vector<CommitEvent> take(int64_t now, int64_t max_age_ms = 60'000) {
    return server.write([&](Connection& c) { return take_relayed_commit_events(c, now, max_age_ms); });
  }
  bool waiting() {
    return server.read([](Connection& c) { return has_relayed_commit_events(c); });
  }
};

CommitEvent deleted(int64_t status_id, std::vector<int64_t> holders, std::vector<std::string> tags) {
  return CommitEvent{CommitEvent::Kind::StatusDeleted, status_id, 0, std::move(holders), std::move(tags)};
}

}  // namespace

TEST_CASE("what a relaying process commits reaches the other process once, whole and in order", "[relay]") {
  TwoProcesses p;
  CHECK_FALSE(p.waiting());

  p.cli.write([](Connection& c) {
    c.record_event(deleted(11, {1, 2}, {"cats"}));
    c.record_event(CommitEvent{CommitEvent::Kind::NotificationCreated, 0, 77, {3}, {}});
  });
  REQUIRE(p.waiting());

  auto events = p.take(vmst::now_millis());
  REQUIRE(events.size() == 2);
  CHECK(events[0].kind == CommitEvent::Kind::StatusDeleted);
  CHECK(events[0].status_id == 11);
  CHECK(events[0].account_ids == std::vector<int64_t>{1, 2});
  CHECK(events[0].tags == std::vector<std::string>{"cats"});
  CHECK(events[1].kind == CommitEvent::Kind::NotificationCreated);
  CHECK(events[1].notification_id == 77);
  CHECK(events[1].account_ids == std::vector<int64_t>{3});

  CHECK_FALSE(p.waiting());
  CHECK(p.take(vmst::now_millis()).empty());
}

TEST_CASE("a rolled-back change relays nothing, and a process that does not relay writes no rows", "[relay]") {
  TwoProcesses p;
  CHECK_THROWS(p.cli.write([](Connection& c) {
    c.record_event(deleted(5, {}, {}));
    throw std::runtime_error("changed my mind");
  }));
  p.server.write([](Connection& c) { c.record_event(deleted(6, {}, {})); });
  CHECK_FALSE(p.waiting());
}

TEST_CASE("unreadable relayed rows are skipped, and events older than the limit dropped unread", "[relay]") {
  TwoProcesses p;
  p.cli.write([](Connection& c) { c.record_event(deleted(8, {}, {})); });
  p.server.write([](Connection& c) {
    c.exec("INSERT INTO relayed_commit_events (payload, created_at) VALUES ('{\"kind\":\"nonsense\"}', " +
           std::to_string(vmst::now_millis()) + ")");
  });
  auto events = p.take(vmst::now_millis());
  REQUIRE(events.size() == 1);
  CHECK(events[0].status_id == 8);

  p.cli.write([](Connection& c) { c.record_event(deleted(9, {}, {})); });
  CHECK(p.take(vmst::now_millis() + 120'000).empty());
  CHECK_FALSE(p.waiting());
}
