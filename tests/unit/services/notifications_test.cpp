#include "services/notifications.hpp"

#include <catch2/catch.hpp>

#include "services/filters.hpp"
#include "services/markers.hpp"
#include "services/service_error.hpp"
#include "store/notification_store.hpp"
#include "support/timeline_fixture.hpp"

using namespace vmst;

namespace {

struct World {
  testing::TimelineFixture f;
  int64_t alice = f.local("alice");
  int64_t bob = f.local("bob");
  int64_t carol = f.local("carol");

  int64_t notify(int64_t from, const std::string& type, std::optional<int64_t> status = std::nullopt) {
    const int64_t id = store::next_id();
    f.db.write([&](store::Connection& c) { store::insert_notification(c, {id, alice, from, type, status, 1}); });
    return id;
  }
  std::vector<int64_t> ids(const services::NotificationQuery& query = {},
                           store::IdPage page = {std::nullopt, std::nullopt, std::nullopt, 40}) {
    std::vector<int64_t> out;
    for (const auto& n : services::list_notifications(f.db, alice, query, page).rows) out.push_back(n.id);
    return out;
  }
};

}  // namespace

TEST_CASE("notifications list newest first with types, exclude_types and account_id", "[notifications]") {
  World w;
  const int64_t status = w.f.post(w.alice, "<p>hi</p>");
  const int64_t follow = w.notify(w.bob, "follow");
  const int64_t fav = w.notify(w.carol, "favourite", status);
  const int64_t mention = w.notify(w.bob, "mention", status);
  using V = std::vector<int64_t>;
  CHECK(w.ids() == V{mention, fav, follow});
  CHECK(w.ids({{"follow", "mention"}, {}, std::nullopt}) == V{mention, follow});
  CHECK(w.ids({{}, {"mention"}, std::nullopt}) == V{fav, follow});
  CHECK(w.ids({{}, {}, w.bob}) == V{mention, follow});
  CHECK(w.ids({{"no_such_type"}, {}, std::nullopt}).empty());
  CHECK(w.ids({}, {mention, std::nullopt, std::nullopt, 1}) == V{fav});
  CHECK(w.ids({}, {std::nullopt, std::nullopt, follow, 1}) == V{fav});
}

TEST_CASE("types clients do not know are never listed", "[notifications]") {
  World w;
  w.notify(w.bob, "admin.sign_up");
  const int64_t follow = w.notify(w.bob, "follow");
  CHECK(w.ids() == std::vector<int64_t>{follow});
}

TEST_CASE("notifications from blocked accounts and notification-muted accounts are hidden", "[notifications]") {
  World w;
  const int64_t from_bob = w.notify(w.bob, "follow");
  const int64_t from_carol = w.notify(w.carol, "follow");
  w.f.sql("INSERT INTO blocks (id, account_id, target_account_id, created_at) VALUES (1, " + std::to_string(w.alice) +
          ", " + std::to_string(w.bob) + ", 0)");
  CHECK(w.ids() == std::vector<int64_t>{from_carol});
  w.f.sql("INSERT INTO mutes (id, account_id, target_account_id, hide_notifications, created_at) VALUES (2, " +
          std::to_string(w.alice) + ", " + std::to_string(w.carol) + ", 0, 0)");
  CHECK(w.ids() == std::vector<int64_t>{from_carol});  // muted, but notifications kept
  w.f.sql("UPDATE mutes SET hide_notifications = 1");
  CHECK(w.ids().empty());
  (void)from_bob;
}

TEST_CASE("a hide filter in the notifications context hides notifications about matching statuses",
          "[notifications]") {
  World w;
  const int64_t bad = w.f.post(w.bob, "<p>@alice buy crypto</p>");
  const int64_t good = w.f.post(w.bob, "<p>@alice hello</p>");
  w.notify(w.bob, "mention", bad);
  const int64_t kept = w.notify(w.bob, "mention", good);
  const int64_t follow = w.notify(w.bob, "follow");
  services::FilterChanges c;
  c.title = "no crypto";
  c.context = std::vector<std::string>{"notifications"};
  c.action = "hide";
  c.keywords = {{std::nullopt, "crypto", true, false}};
  services::create_filter(w.f.db, w.alice, c);
  CHECK(w.ids() == std::vector<int64_t>{follow, kept});
}

TEST_CASE("unread count is relative to the notifications marker and capped by limit", "[notifications]") {
  World w;
  const int64_t first = w.notify(w.bob, "follow");
  w.notify(w.carol, "follow");
  w.notify(w.bob, "follow");
  CHECK(services::unread_notification_count(w.f.db, w.alice, {}, 100) == 3);
  CHECK(services::unread_notification_count(w.f.db, w.alice, {}, 2) == 2);
  services::save_markers(w.f.db, w.alice, {{"notifications", first}});
  CHECK(services::unread_notification_count(w.f.db, w.alice, {}, 100) == 2);
  CHECK(services::unread_notification_count(w.f.db, w.alice, {{}, {}, w.carol}, 100) == 1);
}

TEST_CASE("dismiss removes one of the reader's notifications; others' are not found", "[notifications]") {
  World w;
  const int64_t id = w.notify(w.bob, "follow");
  CHECK_THROWS_AS(services::dismiss_notification(w.f.db, w.bob, id), services::ServiceError);
  CHECK_THROWS_AS(services::get_notification(w.f.db, w.bob, id), services::ServiceError);
  CHECK(services::get_notification(w.f.db, w.alice, id).rows.size() == 1);
  services::dismiss_notification(w.f.db, w.alice, id);
  CHECK(w.ids().empty());
  w.notify(w.bob, "follow");
  services::clear_notifications(w.f.db, w.alice);
  CHECK(w.ids().empty());
}

TEST_CASE("markers default to position 0 and count their saves", "[markers]") {
  World w;
  auto markers = services::get_markers(w.f.db, w.alice, {"notifications", "bogus", "home", "home"});
  REQUIRE(markers.size() == 2);
  CHECK(markers[0].timeline == "notifications");
  CHECK(markers[0].last_read_id == 0);
  CHECK(markers[0].version == 0);
  auto saved = services::save_markers(w.f.db, w.alice, {{"home", 42}});
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].version == 1);
  saved = services::save_markers(w.f.db, w.alice, {{"home", 43}, {"notifications", 7}});
  CHECK(saved[0].version == 2);
  CHECK(saved[0].last_read_id == 43);
  CHECK(saved[1].version == 1);
  CHECK(services::get_markers(w.f.db, w.alice, {"home"})[0].last_read_id == 43);
}
