// A remote actor's Delete of itself as services/remote_account_deletion carries it out: everything of the account
// goes, a batch per transaction, counters stay right and live streams hear of each status.
#include "services/remote_account_deletion.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "media/media_storage.hpp"
#include "services/remote_statuses.hpp"
#include "store/fan_out_store.hpp"
#include "store/follow_store.hpp"
#include "store/status_store.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;

namespace {

struct Gone : testing::SocialFixture {
  store::AccountRecord alice = local("alice");
  store::AccountRecord troll = remote("troll", "bad.example");
  store::AccountRecord friendly = remote("friend", "bad.example");
  std::filesystem::path media_root = dir.path() / "media";

  int64_t post(const store::AccountRecord& author, std::optional<int64_t> reblog_of = std::nullopt) {
    return db.write([&](store::Connection& c) {
      store::StatusRecord s;
      s.id = store::next_id();
      s.uri = (author.local() ? "https://vmst.test/users/" + author.username : author.uri) + "/statuses/" +
              std::to_string(s.id);
      s.account_id = author.id;
      s.local = author.local();
      s.reblog_of_id = reblog_of;
      s.visibility = "public";
      s.created_at = s.updated_at = 1;
      store::insert_status(c, s);
      store::add_to_account_statuses(c, author.id, 1, 1);
      return s.id;
    });
  }
  int64_t count(const std::string& sql) {
    return db.read([&](store::Connection& c) {
      auto& q = c.prepare(sql);
      q.executeStep();
      const int64_t n = q.getColumn(0).getInt64();
      q.reset();
      return n;
    });
  }
};

}  // namespace

TEST_CASE("a remote account that deleted itself goes a batch at a time with all of it, counters kept right",
          "[remote_account_deletion]") {
  Gone g;
  std::vector<int64_t> troll_statuses;
  for (int i = 0; i < 7; ++i) troll_statuses.push_back(g.post(g.troll));
  const int64_t friendly_status = g.post(g.friendly);
  const int64_t alice_status = g.post(g.alice);
  const int64_t alice_boost = g.post(g.alice, troll_statuses[0]);
  media::MediaStorage(g.media_root).write("cache/t/original.png", "png bytes");
  g.db.write([&](store::Connection& c) {
    // Follows both ways, a status in alice's home feed, a mention of the troll, its favourite (and notification) of
    // alice's status, and a cached attachment.
    store::insert_follow(c, store::next_id(), g.alice.id, g.troll.id, std::nullopt, 1);
    store::insert_follow(c, store::next_id(), g.troll.id, g.alice.id, "https://bad.example/follows/1", 1);
    store::insert_home_feed(c, {g.alice.id}, troll_statuses[1]);
    store::insert_mention(c, store::next_id(), alice_status, g.troll.id, false);
    REQUIRE(services::record_remote_like(c, g.troll, "https://bad.example/likes/1", "https://vmst.test/users/alice/statuses/" +
                                                                                   std::to_string(alice_status), 1));
    c.exec("INSERT INTO media_attachments (id, account_id, status_id, type, file_path, created_at, updated_at)"
           " VALUES (" + std::to_string(store::next_id()) + ", " + std::to_string(g.troll.id) + ", " +
           std::to_string(troll_statuses[2]) + ", 'image', 'cache/t/original.png', 1, 1)");
  });
  const std::string alice_id = std::to_string(g.alice.id);
  REQUIRE(g.count("SELECT followers_count + following_count FROM account_stats WHERE account_id = " + alice_id) == 2);
  REQUIRE(g.count("SELECT statuses_count FROM account_stats WHERE account_id = " + alice_id) == 2);
  REQUIRE(g.count("SELECT count(*) FROM notifications WHERE from_account_id = " + std::to_string(g.troll.id)) == 1);

  std::vector<store::CommitEvent> events;
  g.db.set_commit_listener([&](std::vector<store::CommitEvent> e) {
    events.insert(events.end(), e.begin(), e.end());
  });
  auto removed = services::delete_remote_account(g.db, g.media_root, g.troll.id, 3);

  CHECK(removed.finished);
  CHECK(removed.statuses == 7);
  CHECK(removed.accounts == 1);
  CHECK(removed.batches == 4);  // 3 + 3 + 1 statuses, then the account
  CHECK(g.count("SELECT count(*) FROM accounts WHERE id = " + std::to_string(g.troll.id)) == 0);
  CHECK(g.count("SELECT count(*) FROM statuses WHERE account_id = " + std::to_string(g.troll.id)) == 0);
  CHECK(g.count("SELECT count(*) FROM statuses WHERE id = " + std::to_string(alice_boost)) == 0);
  CHECK(g.count("SELECT statuses_count FROM account_stats WHERE account_id = " + alice_id) == 1);
  CHECK(g.count("SELECT count(*) FROM follows") == 0);
  CHECK(g.count("SELECT followers_count + following_count FROM account_stats WHERE account_id = " + alice_id) == 0);
  CHECK(g.count("SELECT count(*) FROM favourites") == 0);
  CHECK(g.count("SELECT favourites_count FROM status_stats WHERE status_id = " + std::to_string(alice_status)) == 0);
  CHECK(g.count("SELECT count(*) FROM notifications") == 0);
  CHECK(g.count("SELECT count(*) FROM mentions") == 0);
  CHECK(g.count("SELECT count(*) FROM media_attachments WHERE account_id = " + std::to_string(g.troll.id)) == 0);
  CHECK_FALSE(std::filesystem::exists(g.media_root / "cache/t/original.png"));
  // Others on its server, and alice's own status, stay.
  CHECK(g.count("SELECT count(*) FROM statuses WHERE id IN (" + std::to_string(friendly_status) + ", " +
                std::to_string(alice_status) + ")") == 2);
  CHECK(g.count("SELECT count(*) FROM accounts WHERE id = " + std::to_string(g.friendly.id)) == 1);

  // Every status that went was announced as deleted, alice's boost too; the one in her home feed names her.
  std::vector<int64_t> deleted;
  for (const auto& e : events) {
    if (e.kind != store::CommitEvent::Kind::StatusDeleted) continue;
    deleted.push_back(e.status_id);
    if (e.status_id == troll_statuses[1]) CHECK(e.account_ids == std::vector<int64_t>{g.alice.id});
  }
  std::sort(deleted.begin(), deleted.end());
  auto expected = troll_statuses;
  expected.push_back(alice_boost);
  std::sort(expected.begin(), expected.end());
  CHECK(deleted == expected);
}

TEST_CASE("deleting a local or unknown account as a remote one does nothing", "[remote_account_deletion]") {
  Gone g;
  g.post(g.alice);
  auto local = services::delete_remote_account(g.db, g.media_root, g.alice.id);
  CHECK(local.finished);
  CHECK(local.batches == 0);
  CHECK(g.count("SELECT count(*) FROM statuses WHERE account_id = " + std::to_string(g.alice.id)) == 1);
  CHECK(services::delete_remote_account(g.db, g.media_root, 424242).batches == 0);
}
