#include "services/grouped_notifications.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "services/filters.hpp"
#include "store/ids.hpp"
#include "store/notification_store.hpp"
#include "support/timeline_fixture.hpp"

using namespace vmst;

namespace {

constexpr int kRuns = 50, kFavouritesPerRun = 60;

// A long history: run after run, 60 favourites of one status (one group), then a mention of it (a group of its
// own). Walking it needs many batches of notifications, most of them in groups already seen.
struct LongHistory {
  testing::TimelineFixture f;
  int64_t alice = f.local("alice"), bob = f.local("bob"), carol = f.local("carol");
  std::vector<int64_t> statuses, mentions, newest_favourites, oldest_favourites;
  std::vector<int64_t> first_run;  // the favourites of the oldest run

  LongHistory() {
    for (int run = 0; run < kRuns; ++run) statuses.push_back(f.post(alice, "<p>post</p>"));
    f.db.write([&](store::Connection& c) {
      for (int run = 0; run < kRuns; ++run) {
        const auto s = statuses[static_cast<size_t>(run)];
        const std::string key = "favourite-" + std::to_string(s) + "-" + std::to_string(run);
        for (int i = 0; i < kFavouritesPerRun; ++i) {
          const int64_t id = store::next_id();
          if (i == 0) oldest_favourites.push_back(id);
          if (run == 0) first_run.push_back(id);
          if (i == kFavouritesPerRun - 1) newest_favourites.push_back(id);
          store::insert_notification(c, {id, alice, i % 2 ? bob : carol, "favourite", s, 1, key});
        }
        mentions.push_back(store::next_id());
        store::insert_notification(c, {mentions.back(), alice, bob, "mention", s, 1});
      }
    });
  }

  services::GroupedNotificationPage page(store::IdPage p, const services::GroupedNotificationQuery& q = {}) {
    return services::list_notification_groups(f.db, alice, q, p);
  }
};

std::vector<int64_t> head_ids(const services::GroupedNotificationPage& page) {
  std::vector<int64_t> out;
  for (const auto& g : page.groups) out.push_back(g.head.id);
  return out;
}

}  // namespace

TEST_CASE("a page of groups over a long history shows the newest groups and stops at its limit",
          "[grouped_notifications]") {
  LongHistory h;
  auto first = h.page({std::nullopt, std::nullopt, std::nullopt, 40});
  // Newest first: the last 20 runs, each a mention over its favourites' group.
  std::vector<int64_t> expected;
  for (int run = kRuns - 1; run >= kRuns - 20; --run) {
    expected.push_back(h.mentions[static_cast<size_t>(run)]);
    expected.push_back(h.newest_favourites[static_cast<size_t>(run)]);
  }
  CHECK(head_ids(first) == expected);
  CHECK(first.more);
  CHECK(first.newest_cursor == h.mentions.back());
  // The page ends at the last group it shows, not at the batch it read.
  CHECK(first.oldest_cursor == h.newest_favourites[kRuns - 20]);
  CHECK(first.groups[1].notifications_count == kFavouritesPerRun);
  CHECK(first.groups[1].sample_account_ids.size() == 2);

  // Walking every page: full pages until the last, every group met, the walk always moving down.
  std::set<std::string> keys;
  auto page = first;
  int pages = 1;
  while (true) {
    for (const auto& g : page.groups) keys.insert(g.group_key);
    if (!page.more) break;
    REQUIRE(page.groups.size() == 40);
    auto next = h.page({page.oldest_cursor, std::nullopt, std::nullopt, 40});
    REQUIRE(!next.groups.empty());
    CHECK(next.groups.front().head.id < *page.oldest_cursor);
    page = std::move(next);
    REQUIRE(++pages < 10);
  }
  CHECK(keys.size() == 2 * kRuns);
  CHECK(page.oldest_cursor == h.oldest_favourites.front());
}

TEST_CASE("a min_id page walks up from the cursor across batches and shows each group's oldest notification",
          "[grouped_notifications]") {
  LongHistory h;
  auto page = h.page({std::nullopt, std::nullopt, h.oldest_favourites[0], 8});
  // The first run's favourites but the one at the cursor, its mention, then three more runs (over 200 rows).
  CHECK(head_ids(page) == std::vector<int64_t>{h.mentions[3], h.oldest_favourites[3], h.mentions[2],
                                               h.oldest_favourites[2], h.mentions[1], h.oldest_favourites[1],
                                               h.mentions[0], h.first_run[1]});
  CHECK(page.newest_cursor == h.mentions[3]);
  CHECK(page.oldest_cursor == h.first_run[1]);
  CHECK(page.more);
}

TEST_CASE("groups a hide filter removes do not shorten the page; the cursor passes what was examined",
          "[grouped_notifications]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice"), bob = f.local("bob");
  const int64_t good = f.post(bob, "<p>@alice hello</p>"), bad = f.post(bob, "<p>@alice buy crypto</p>");
  std::vector<int64_t> older, hidden, newer;
  f.db.write([&](store::Connection& c) {
    auto mention = [&](std::vector<int64_t>& into, int64_t status) {
      into.push_back(store::next_id());
      store::insert_notification(c, {into.back(), alice, bob, "mention", status, 1});
    };
    for (int i = 0; i < 5; ++i) mention(older, good);
    for (int i = 0; i < 450; ++i) mention(hidden, bad);  // more than one batch of the walk
    for (int i = 0; i < 5; ++i) mention(newer, good);
  });
  services::FilterChanges changes;
  changes.title = "no crypto";
  changes.context = std::vector<std::string>{"notifications"};
  changes.action = "hide";
  changes.keywords = {{std::nullopt, "crypto", true, false}};
  services::create_filter(f.db, alice, changes);

  auto first = services::list_notification_groups(f.db, alice, {}, {std::nullopt, std::nullopt, std::nullopt, 8});
  CHECK(head_ids(first) == std::vector<int64_t>{newer[4], newer[3], newer[2], newer[1], newer[0], older[4], older[3],
                                                older[2]});
  CHECK(first.more);
  CHECK(first.oldest_cursor == older[2]);

  auto rest = services::list_notification_groups(f.db, alice, {}, {first.oldest_cursor, std::nullopt, std::nullopt, 8});
  CHECK(head_ids(rest) == std::vector<int64_t>{older[1], older[0]});
  CHECK_FALSE(rest.more);

  // A page of hidden notifications only: nothing shown, the cursors span what was read.
  auto none = services::list_notification_groups(f.db, alice, {}, {newer[0], older[4], std::nullopt, 8});
  CHECK(none.groups.empty());
  CHECK_FALSE(none.more);
  CHECK(none.newest_cursor == hidden.back());
  CHECK(none.oldest_cursor == hidden.front());
}
