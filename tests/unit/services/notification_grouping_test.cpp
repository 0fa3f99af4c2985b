#include "services/notification_grouping.hpp"

#include <catch2/catch.hpp>

#include "services/grouped_notifications.hpp"
#include "store/ids.hpp"
#include "store/notification_store.hpp"
#include "support/timeline_fixture.hpp"

using namespace vmst;

namespace {

constexpr int64_t kHour = 3'600'000;

}  // namespace

TEST_CASE("favourites and reblogs group by status, follows by type, the rest not at all", "[notification_grouping]") {
  CHECK(services::notification_group_prefix("favourite", 12) == "favourite-12");
  CHECK(services::notification_group_prefix("reblog", 12) == "reblog-12");
  CHECK(services::notification_group_prefix("follow", std::nullopt) == "follow");
  CHECK_FALSE(services::notification_group_prefix("mention", 12));
  CHECK_FALSE(services::notification_group_prefix("follow_request", std::nullopt));
  CHECK_FALSE(services::notification_group_prefix("favourite", std::nullopt));
}

TEST_CASE("a group keeps its starting hour for 12 hours, then a new group begins", "[notification_grouping]") {
  const int64_t start = 480'000 * kHour + 5;
  CHECK(services::notification_group_key("follow", start, std::nullopt) == "follow-480000");
  CHECK(services::notification_group_key("follow", start + 11 * kHour, "follow-480000") == "follow-480000");
  CHECK(services::notification_group_key("follow", start + 12 * kHour, "follow-480000") == "follow-480012");
  CHECK(services::notification_group_key("favourite-7", start, "favourite-7-garbage") == "favourite-7-480000");
}

TEST_CASE("add_notification stores the key of the newest group of the same status", "[notification_grouping]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice"), bob = f.local("bob"), carol = f.local("carol");
  const int64_t one = f.post(alice, "<p>one</p>"), two = f.post(alice, "<p>two</p>");
  const int64_t at = 480'000 * kHour;
  f.db.write([&](store::Connection& c) {
    services::add_notification(c, {store::next_id(), alice, bob, "favourite", one, at});
    services::add_notification(c, {store::next_id(), alice, carol, "favourite", one, at + 5 * kHour});
    services::add_notification(c, {store::next_id(), alice, bob, "favourite", two, at + 5 * kHour});
    services::add_notification(c, {store::next_id(), alice, bob, "mention", two, at});
  });
  auto rows = f.db.read([&](store::Connection& c) { return store::notifications_for(c, alice, 10); });
  REQUIRE(rows.size() == 4);
  CHECK_FALSE(rows[0].group_key);  // the mention
  CHECK(rows[1].group_key == "favourite-" + std::to_string(two) + "-480005");
  CHECK(rows[2].group_key == "favourite-" + std::to_string(one) + "-480000");
  CHECK(rows[3].group_key == rows[2].group_key);
}

TEST_CASE("a grouped page shows each group once with its count, samples and page bounds", "[notification_grouping]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice"), bob = f.local("bob"), carol = f.local("carol");
  const int64_t status = f.post(alice, "<p>liked</p>");
  int64_t last = 0;
  f.db.write([&](store::Connection& c) {
    services::add_notification(c, {store::next_id(), alice, bob, "favourite", status, 1});
    services::add_notification(c, {store::next_id(), alice, bob, "mention", status, 2});
    last = store::next_id();
    services::add_notification(c, {last, alice, carol, "favourite", status, 3});
  });
  auto page = services::list_notification_groups(f.db, alice, {}, {std::nullopt, std::nullopt, std::nullopt, 10});
  REQUIRE(page.groups.size() == 2);
  const auto& fav = page.groups[0];
  CHECK(fav.head.type == "favourite");
  CHECK(fav.notifications_count == 2);
  CHECK(fav.sample_account_ids == std::vector<int64_t>{carol, bob});
  CHECK(fav.most_recent_notification_id == last);
  REQUIRE(fav.page);
  // As Mastodon's load_groups_data: the group's oldest notification from the page's oldest head on (the mention).
  CHECK(fav.page->min_id == last);
  CHECK(fav.page->max_id == last);
  CHECK(page.groups[1].group_key.rfind("ungrouped-", 0) == 0);
  CHECK(page.details.accounts.contains(bob));
  CHECK(page.details.accounts.contains(carol));

  // Grouping only reblogs: the favourites are groups of their own.
  services::GroupedNotificationQuery only_reblogs;
  only_reblogs.grouped_types = {"reblog"};
  auto apart = services::list_notification_groups(f.db, alice, only_reblogs,
                                                  {std::nullopt, std::nullopt, std::nullopt, 10});
  CHECK(apart.groups.size() == 3);

  // The second page of one group walks below the first page's oldest notification.
  auto one = services::list_notification_groups(f.db, alice, {}, {std::nullopt, std::nullopt, std::nullopt, 1});
  REQUIRE(one.groups.size() == 1);
  CHECK(one.oldest_cursor == last);

  services::dismiss_notification_group(f.db, alice, fav.group_key);
  auto after = services::list_notification_groups(f.db, alice, {}, {std::nullopt, std::nullopt, std::nullopt, 10});
  REQUIRE(after.groups.size() == 1);
  CHECK(after.groups[0].head.type == "mention");
}
