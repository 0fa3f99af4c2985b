#include "services/conversations.hpp"

#include <catch2/catch.hpp>

#include "services/service_error.hpp"
#include "support/timeline_fixture.hpp"

using namespace vmst;

namespace {

struct World {
  testing::TimelineFixture f;
  int64_t alice = f.local("alice");
  int64_t bob = f.local("bob");
  int64_t rita = f.remote("rita", "remote.example");

  store::StatusRecord direct(int64_t author, std::optional<int64_t> conversation = std::nullopt) {
    store::StatusRecord s;
    s.id = store::next_id();
    s.uri = "https://vmst.test/dm/" + std::to_string(s.id);
    s.account_id = author;
    s.visibility = "direct";
    s.conversation_id = conversation;
    s.created_at = s.updated_at = 1;
    f.insert(s, {});
    return s;
  }
  std::vector<store::AccountConversationRecord> of(int64_t reader) {
    return services::list_conversations(f.db, reader, {std::nullopt, std::nullopt, std::nullopt, 20}).rows;
  }
};

}  // namespace

TEST_CASE("a direct status gives each local participant a view; unread for all but the author", "[conversations]") {
  World w;
  auto dm = w.direct(w.alice);
  w.f.db.write([&](store::Connection& c) { services::record_direct_status(c, dm, {w.bob, w.rita}); });
  auto mine = w.of(w.alice);
  REQUIRE(mine.size() == 1);
  CHECK_FALSE(mine[0].unread);
  CHECK(mine[0].last_status_id == dm.id);
  CHECK(mine[0].participant_ids == std::vector<int64_t>{w.bob, w.rita});
  auto theirs = w.of(w.bob);
  REQUIRE(theirs.size() == 1);
  CHECK(theirs[0].unread);
  CHECK(theirs[0].participant_ids == std::vector<int64_t>{w.alice, w.rita});
  CHECK(theirs[0].conversation_id == mine[0].conversation_id);
  // The status now belongs to the conversation, so a reply can join it.
  auto stored = w.f.db.read([&](store::Connection& c) { return store::find_status(c, dm.id); });
  CHECK(stored->conversation_id == mine[0].conversation_id);
}

TEST_CASE("a reply in the conversation moves it up and marks it unread again", "[conversations]") {
  World w;
  auto first = w.direct(w.alice);
  w.f.db.write([&](store::Connection& c) { services::record_direct_status(c, first, {w.bob}); });
  const int64_t conversation = w.of(w.bob)[0].conversation_id;
  const int64_t view = w.of(w.bob)[0].id;
  services::mark_conversation_read(w.f.db, w.bob, view);
  CHECK_FALSE(w.of(w.bob)[0].unread);
  auto reply = w.direct(w.alice, conversation);
  w.f.db.write([&](store::Connection& c) { services::record_direct_status(c, reply, {w.bob}); });
  auto rows = w.of(w.bob);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].unread);
  CHECK(rows[0].last_status_id == reply.id);
  // An older status arriving late does not replace the newer one.
  w.f.db.write([&](store::Connection& c) { services::record_direct_status(c, first, {w.bob}); });
  CHECK(w.of(w.bob)[0].last_status_id == reply.id);
}

TEST_CASE("conversations page by their last status and belong to their reader", "[conversations]") {
  World w;
  auto one = w.direct(w.alice);
  w.f.db.write([&](store::Connection& c) { services::record_direct_status(c, one, {w.bob}); });
  auto two = w.direct(w.bob);
  w.f.db.write([&](store::Connection& c) { services::record_direct_status(c, two, {w.alice}); });
  auto rows = w.of(w.alice);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].last_status_id == two.id);
  auto older = services::list_conversations(w.f.db, w.alice, {two.id, std::nullopt, std::nullopt, 20}).rows;
  REQUIRE(older.size() == 1);
  CHECK(older[0].last_status_id == one.id);
  CHECK_THROWS_AS(services::remove_conversation(w.f.db, w.bob, rows[0].id), services::ServiceError);
  services::remove_conversation(w.f.db, w.alice, rows[0].id);
  CHECK(w.of(w.alice).size() == 1);
}

TEST_CASE("statuses that are not direct are not recorded", "[conversations]") {
  World w;
  store::StatusRecord s;
  s.id = w.f.post(w.alice, "<p>public</p>");
  s.account_id = w.alice;
  w.f.db.write([&](store::Connection& c) { services::record_direct_status(c, s, {w.bob}); });
  CHECK(w.of(w.bob).empty());
}
