#include "store/record_caches.hpp"

#include <catch2/catch.hpp>

#include "store/account_display_store.hpp"
#include "support/timeline_fixture.hpp"

using namespace vmst;

namespace {

std::optional<store::StatusRecord> read_status(store::Database& db, int64_t id) {
  auto rows = db.read([&](store::Connection& c) { return store::find_statuses(c, {id}); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<store::AccountRecord> read_account(store::Database& db, int64_t id) {
  auto rows = db.read([&](store::Connection& c) { return store::find_accounts_for_display(c, {id}); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

}  // namespace

TEST_CASE("a status read once is served from the cache on the next read", "[store][record_caches]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t id = f.post(alice, "<p>first</p>");
  auto& caches = f.db.record_caches();
  REQUIRE(read_status(f.db, id)->content == "<p>first</p>");
  CHECK(caches.statuses.size() == 1);
  // A record planted under the current generation is what the next read returns: reads consult the cache.
  auto planted = *read_status(f.db, id);
  planted.content = "<p>planted</p>";
  caches.statuses.store(planted, caches.generation());
  CHECK(read_status(f.db, id)->content == "<p>planted</p>");
}

TEST_CASE("a write to a status or its counts is read as soon as the write returns", "[store][record_caches]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t id = f.post(alice, "<p>first</p>");
  const std::string sid = std::to_string(id);
  REQUIRE(read_status(f.db, id)->favourites_count == 0);
  f.sql("INSERT INTO status_stats (status_id, favourites_count) VALUES (" + sid +
        ", 3) ON CONFLICT (status_id) DO UPDATE SET favourites_count = 3");
  CHECK(read_status(f.db, id)->favourites_count == 3);
  f.sql("UPDATE statuses SET content = '<p>edited</p>' WHERE id = " + sid);
  CHECK(read_status(f.db, id)->content == "<p>edited</p>");
  f.sql("UPDATE statuses SET deleted_at = 1 WHERE id = " + sid);
  CHECK_FALSE(read_status(f.db, id).has_value());
}

TEST_CASE("statuses deleted by a cascade from their account are not served from the cache", "[store][record_caches]") {
  testing::TimelineFixture f;
  const int64_t bob = f.remote("bob", "remote.example");
  const int64_t id = f.post(bob, "<p>bye</p>");
  REQUIRE(read_status(f.db, id).has_value());
  REQUIRE(read_account(f.db, bob).has_value());
  f.sql("DELETE FROM accounts WHERE id = " + std::to_string(bob));
  CHECK_FALSE(read_status(f.db, id).has_value());
  CHECK_FALSE(read_account(f.db, bob).has_value());
}

TEST_CASE("an account's counts and its avatar's file are read as soon as the write returns", "[store][record_caches]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const std::string a = std::to_string(alice);
  f.sql("INSERT INTO media_attachments (id, account_id, type, file_path, created_at, updated_at) VALUES (77, " + a +
        ", 'image', 'avatars/77.png', 1, 1)");
  f.sql("UPDATE accounts SET avatar_media_id = 77 WHERE id = " + a);
  REQUIRE(read_account(f.db, alice)->avatar_file_path == "avatars/77.png");
  REQUIRE(read_account(f.db, alice)->statuses_count == 0);
  f.post(alice, "<p>one</p>");
  f.sql("UPDATE account_stats SET statuses_count = 1 WHERE account_id = " + a);
  CHECK(read_account(f.db, alice)->statuses_count == 1);
  // The media row says nothing of whose avatar it is: the account is dropped all the same.
  f.sql("UPDATE media_attachments SET file_path = 'avatars/78.png' WHERE id = 77");
  CHECK(read_account(f.db, alice)->avatar_file_path == "avatars/78.png");
}

TEST_CASE("a commit by another process is read by the next lease", "[store][record_caches]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t id = f.post(alice, "<p>first</p>");
  REQUIRE(read_account(f.db, alice)->display_name.empty());
  REQUIRE(read_status(f.db, id)->content == "<p>first</p>");
  // A second Database on the file stands for the admin CLI: its writes never reach this one's update hook.
  store::Database cli(store::DatabaseOptions{f.dir.path() / "vmst.db", 1, 2000, 2});
  cli.write([&](store::Connection& c) {
    c.exec("UPDATE accounts SET display_name = 'Alice' WHERE id = " + std::to_string(alice));
    c.exec("UPDATE statuses SET content = '<p>by the cli</p>' WHERE id = " + std::to_string(id));
  });
  CHECK(read_account(f.db, alice)->display_name == "Alice");
  CHECK(read_status(f.db, id)->content == "<p>by the cli</p>");
}

TEST_CASE("a commit by another process is noticed by the next write when readers could not ask",
          "[store][record_caches]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t id = f.post(alice, "<p>first</p>");
  REQUIRE(read_status(f.db, id)->content == "<p>first</p>");
  store::Database cli(store::DatabaseOptions{f.dir.path() / "vmst.db", 1, 2000, 2});
  cli.write([&](store::Connection& c) {
    c.exec("UPDATE statuses SET content = '<p>cli</p>' WHERE id = " + std::to_string(id));
  });
  // A write that touches nothing cached still looks at data_version once it holds the write lock.
  f.sql("CREATE TABLE unrelated (x INTEGER)");
  CHECK(f.db.record_caches().statuses.size() == 0);
}

TEST_CASE("the writer reads its own uncommitted changes, not cached rows", "[store][record_caches]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t id = f.post(alice, "<p>first</p>");
  REQUIRE(read_status(f.db, id)->content == "<p>first</p>");
  auto inside = f.db.write([&](store::Connection& c) {
    c.exec("UPDATE statuses SET content = '<p>second</p>' WHERE id = " + std::to_string(id));
    return store::find_statuses(c, {id}).front().content;
  });
  CHECK(inside == "<p>second</p>");
  CHECK(read_status(f.db, id)->content == "<p>second</p>");
}

TEST_CASE("a write that is rolled back leaves the cached rows correct", "[store][record_caches]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t id = f.post(alice, "<p>first</p>");
  REQUIRE(read_status(f.db, id)->content == "<p>first</p>");
  CHECK_THROWS(f.db.write([&](store::Connection& c) {
    c.exec("UPDATE statuses SET content = '<p>never</p>' WHERE id = " + std::to_string(id));
    throw std::runtime_error("changed my mind");
  }));
  CHECK(read_status(f.db, id)->content == "<p>first</p>");
}

TEST_CASE("a row read before an invalidation is not stored after it", "[store][record_caches]") {
  store::RecordCaches caches;
  store::StatusRecord s;
  s.id = 42;
  s.content = "<p>old</p>";
  const uint64_t lease_began = caches.generation();
  caches.invalidate({{store::RowChange::Table::StatusStats, 42}});
  caches.statuses.store(s, lease_began);
  CHECK(caches.statuses.size() == 0);
  caches.statuses.store(s, caches.generation());
  CHECK(caches.statuses.size() == 1);
  // A write that changed nothing cached does not stop readers from filling the cache.
  const uint64_t before = caches.generation();
  caches.invalidate({});
  CHECK(caches.generation() == before);
}

TEST_CASE("only the ids the cache lacks are queried, and what the query read is kept", "[store][record_caches]") {
  const std::atomic<uint64_t> generation{0};
  store::RecordCache<store::StatusRecord> cache(64, generation);
  std::vector<std::vector<int64_t>> queried;
  const auto query = [&](const std::vector<int64_t>& wanted, std::vector<store::StatusRecord>& out) {
    queried.push_back(wanted);
    for (int64_t id : wanted) {
      if (id == 3) continue;  // no such row
      out.emplace_back().id = id;
    }
  };
  CHECK(store::cached_rows(&cache, 0, {1, 2, 3}, query).size() == 2);
  CHECK(store::cached_rows(&cache, 0, {2, 3, 4}, query).size() == 2);
  CHECK(store::cached_rows(&cache, 0, {1, 2, 4}, query).size() == 3);
  CHECK(store::cached_rows(&cache, 0, {}, query).empty());
  CHECK(queried == std::vector<std::vector<int64_t>>{{1, 2, 3}, {3, 4}});
  // Without a cache (the writer) every id is queried, every time.
  CHECK(store::cached_rows<store::StatusRecord>(nullptr, 0, {1, 2}, query).size() == 2);
  CHECK(queried.back() == std::vector<int64_t>{1, 2});
}

TEST_CASE("a full cache shard is emptied rather than grown", "[store][record_caches]") {
  const std::atomic<uint64_t> generation{0};
  store::RecordCache<store::StatusRecord> cache(16, generation);  // one entry per shard, plus one
  for (int64_t id = 1; id <= 1000; ++id) {
    store::StatusRecord s;
    s.id = id;
    cache.store(s, 0);
  }
  CHECK(cache.size() <= 32);
  CHECK(cache.size() > 0);
}

TEST_CASE("a read inside a write does not look for other writers on the writer it holds", "[store][record_caches]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t id = f.post(alice, "<p>first</p>");
  REQUIRE(read_status(f.db, id).has_value());
  store::Database cli(store::DatabaseOptions{f.dir.path() / "vmst.db", 1, 2000, 2});
  // The writer's own look at the start of this write drops the cache; the nested read then fills it again.
  cli.write([&](store::Connection& c) {
    c.exec("UPDATE statuses SET content = '<p>cli</p>' WHERE id = " + std::to_string(id));
  });
  auto nested = f.db.write([&](store::Connection&) { return read_status(f.db, id)->content; });
  CHECK(nested == "<p>cli</p>");
  CHECK(read_status(f.db, id)->content == "<p>cli</p>");
}
