#include "store/database.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst::store;

namespace {
int count_rows(Database& db) {
  return db.read([](Connection& c) {
    auto& q = c.prepare("SELECT count(*) FROM t");
    q.executeStep();
    return q.getColumn(0).getInt();
  });
}
}  // namespace

TEST_CASE("the database is created with WAL and foreign keys on", "[database]") {
  vmst::testing::TempDir dir;
  Database db(DatabaseOptions{dir.path() / "nested" / "vmst.db", 2, 1000, 2});
  CHECK(std::filesystem::exists(dir.path() / "nested" / "vmst.db"));
  db.with_writer([](Connection& c) {
    auto& mode = c.prepare("PRAGMA journal_mode");
    mode.executeStep();
    CHECK(mode.getColumn(0).getString() == "wal");
    auto& fk = c.prepare("PRAGMA foreign_keys");
    fk.executeStep();
    CHECK(fk.getColumn(0).getInt() == 1);
  });
}

TEST_CASE("a write that throws is rolled back", "[database]") {
  vmst::testing::TempDir dir;
  Database db(DatabaseOptions{dir.path() / "vmst.db", 2, 1000, 2});
  db.write([](Connection& c) { c.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)"); });
  CHECK_THROWS_AS(db.write([](Connection& c) {
    c.exec("INSERT INTO t (v) VALUES ('a')");
    throw std::runtime_error("changed my mind");
  }),
                  std::runtime_error);
  CHECK(count_rows(db) == 0);
}

TEST_CASE("a unique violation surfaces as StoreError Conflict", "[database]") {
  vmst::testing::TempDir dir;
  Database db(DatabaseOptions{dir.path() / "vmst.db", 2, 1000, 2});
  db.write([](Connection& c) { c.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)"); });
  db.write([](Connection& c) { c.exec("INSERT INTO t (v) VALUES ('a')"); });
  try {
    db.write([](Connection& c) { c.exec("INSERT INTO t (v) VALUES ('a')"); });
    FAIL("expected a conflict");
  } catch (const StoreError& e) {
    CHECK(e.kind() == StoreError::Kind::Conflict);
  }
  CHECK(count_rows(db) == 1);
}

TEST_CASE("concurrent writers are serialised and readers share a fixed pool", "[database]") {
  vmst::testing::TempDir dir;
  Database db(DatabaseOptions{dir.path() / "vmst.db", 2, 5000, 2});
  db.write([](Connection& c) { c.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)"); });
  std::atomic<int> reads{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        db.write([&](Connection& c) {
          auto& q = c.prepare("INSERT INTO t (v) VALUES (?)");
          q.bind(1, t * 1000 + i);
          q.exec();
        });
        count_rows(db);
        ++reads;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(count_rows(db) == 300);
  CHECK(reads == 300);
}

TEST_CASE("a second process-like connection can write while the first holds readers", "[database]") {
  vmst::testing::TempDir dir;
  DatabaseOptions options{dir.path() / "vmst.db", 2, 5000, 2};
  Database server(options);
  apply_migrations(server);
  Database cli(options);  // what `vmst account create` opens next to the running server
  cli.write([](Connection& c) { c.exec("INSERT INTO counters (name, value) VALUES ('from_cli', 1)"); });
  CHECK(server.read([](Connection& c) {
    auto& q = c.prepare("SELECT value FROM counters WHERE name = 'from_cli'");
    return q.executeStep() ? q.getColumn(0).getInt() : 0;
  }) == 1);
}

TEST_CASE("the commit listener hears a transaction's events after COMMIT, and nothing of a rollback", "[database]") {
  vmst::testing::TempDir dir;
  Database db(DatabaseOptions{dir.path() / "vmst.db", 2, 1000, 2});
  db.write([](Connection& c) { c.exec("CREATE TABLE t (x INTEGER)"); });
  std::vector<std::vector<CommitEvent>> heard;
  int rows_seen_by_listener = -1;
  db.set_commit_listener([&](std::vector<CommitEvent> events) {
    // Committed and unlocked: a read sees the row and a new write does not deadlock.
    rows_seen_by_listener = count_rows(db);
    db.write([](Connection&) {});
    heard.push_back(std::move(events));
  });

  db.write([](Connection& c) {
    c.exec("INSERT INTO t VALUES (1)");
    c.record_event({CommitEvent::Kind::StatusCreated, 42, 0, {}, {}});
    c.record_event({CommitEvent::Kind::HomeFeedAdded, 42, 0, {7, 8}, {}});
  });
  REQUIRE(heard.size() == 1);
  CHECK(rows_seen_by_listener == 1);
  REQUIRE(heard[0].size() == 2);
  CHECK(heard[0][0].kind == CommitEvent::Kind::StatusCreated);
  CHECK(heard[0][1].account_ids == std::vector<int64_t>{7, 8});

  CHECK_THROWS(db.write([](Connection& c) {
    c.exec("INSERT INTO t VALUES (2)");
    c.record_event({CommitEvent::Kind::StatusDeleted, 43, 0, {}, {}});
    throw std::runtime_error("changed my mind");
  }));
  // The rolled-back event is gone for good: the next transaction does not carry it either.
  db.write([](Connection& c) { c.record_event({CommitEvent::Kind::StatusUpdated, 44, 0, {}, {}}); });
  REQUIRE(heard.size() == 2);
  REQUIRE(heard[1].size() == 1);
  CHECK(heard[1][0].status_id == 44);
}

TEST_CASE("a throwing commit listener does not fail the write that committed", "[database]") {
  vmst::testing::TempDir dir;
  Database db(DatabaseOptions{dir.path() / "vmst.db", 2, 1000, 2});
  db.write([](Connection& c) { c.exec("CREATE TABLE t (x INTEGER)"); });
  db.set_commit_listener([](std::vector<CommitEvent>) { throw std::runtime_error("listener broke"); });
  CHECK(db.write([](Connection& c) {
    c.exec("INSERT INTO t VALUES (1)");
    c.record_event({CommitEvent::Kind::StatusCreated, 1, 0, {}, {}});
    return 5;
  }) == 5);
  CHECK(count_rows(db) == 1);
}
