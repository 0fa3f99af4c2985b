#include <catch2/catch.hpp>

#include "store/status_store.hpp"
#include "support/timeline_fixture.hpp"

using namespace vmst;

TEST_CASE("viewer flags are read for the given statuses and the given viewer only", "[store][statuses]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t bob = f.local("bob");
  const int64_t one = f.post(bob, "<p>one</p>");
  const int64_t two = f.post(bob, "<p>two</p>");
  const int64_t three = f.post(alice, "<p>three</p>");
  const int64_t elsewhere = f.post(bob, "<p>not asked</p>");
  const std::string a = std::to_string(alice), b = std::to_string(bob);
  auto row = [&](const std::string& table, int64_t id, const std::string& who, int64_t status) {
    f.sql("INSERT INTO " + table + " (id, account_id, status_id, created_at) VALUES (" + std::to_string(id) + ", " +
          who + ", " + std::to_string(status) + ", 1)");
  };
  row("favourites", 1, a, one);
  row("favourites", 2, a, elsewhere);
  row("favourites", 3, b, two);  // someone else's
  row("bookmarks", 4, a, two);
  row("status_pins", 5, a, three);
  f.reblog(alice, two, {});
  const int64_t deleted = f.reblog(alice, one, {});
  f.sql("UPDATE statuses SET deleted_at = 1 WHERE id = " + std::to_string(deleted));
  f.sql("INSERT INTO conversations (id, created_at) VALUES (50, 1)");
  f.sql("UPDATE statuses SET conversation_id = 50 WHERE id IN (" + std::to_string(one) + ", " + std::to_string(three) + ")");
  f.sql("INSERT INTO conversation_mutes (account_id, conversation_id) VALUES (" + a + ", 50)");

  auto flags = f.db.read([&](store::Connection& c) { return store::viewer_flags(c, alice, {one, two, three}); });
  CHECK(flags.favourited == std::set<int64_t>{one});
  CHECK(flags.reblogged == std::set<int64_t>{two});
  CHECK(flags.bookmarked == std::set<int64_t>{two});
  CHECK(flags.pinned == std::set<int64_t>{three});
  CHECK(flags.muted == std::set<int64_t>{one, three});

  auto of_bob = f.db.read([&](store::Connection& c) { return store::viewer_flags(c, bob, {one, two, three}); });
  CHECK(of_bob.favourited == std::set<int64_t>{two});
  CHECK(of_bob.reblogged.empty());
  CHECK(of_bob.muted.empty());
  CHECK(f.db.read([&](store::Connection& c) { return store::viewer_flags(c, alice, {}); }).favourited.empty());
}
