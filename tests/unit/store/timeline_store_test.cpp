#include "store/timeline_store.hpp"

#include <catch2/catch.hpp>

#include "support/timeline_fixture.hpp"

using namespace vmst;
using store::IdPage;

namespace {

std::vector<int64_t> home(testing::TimelineFixture& f, int64_t viewer, IdPage page) {
  return f.db.read([&](store::Connection& c) { return store::home_timeline_ids(c, viewer, page, 10); });
}

// The detail column of EXPLAIN QUERY PLAN, one line per step.
std::vector<std::string> plan_of(testing::TimelineFixture& f, const std::string& sql) {
  return f.db.read([&](store::Connection& c) {
    SQLite::Statement q(c.raw(), "EXPLAIN QUERY PLAN " + sql);
    std::vector<std::string> steps;
    while (q.executeStep()) steps.push_back(q.getColumn(3).getString());
    return steps;
  });
}

struct Home {
  testing::TimelineFixture f;
  int64_t alice = f.local("alice");
  int64_t bob = f.local("bob");
  std::vector<int64_t> ids;  // oldest first
  Home() {
    for (int i = 0; i < 6; ++i) ids.push_back(f.post(bob, "<p>post " + std::to_string(i) + "</p>", {alice}));
  }
};

}  // namespace

TEST_CASE("home pages run newest first, max_id and since_id are exclusive bounds", "[timelines]") {
  Home h;
  const auto& s = h.ids;
  CHECK(home(h.f, h.alice, {std::nullopt, std::nullopt, std::nullopt, 3}) == std::vector<int64_t>{s[5], s[4], s[3]});
  CHECK(home(h.f, h.alice, {s[3], std::nullopt, std::nullopt, 3}) == std::vector<int64_t>{s[2], s[1], s[0]});
  // since_id gives the newest page above it, not the page right after it.
  CHECK(home(h.f, h.alice, {std::nullopt, s[0], std::nullopt, 2}) == std::vector<int64_t>{s[5], s[4]});
  CHECK(home(h.f, h.alice, {s[4], s[1], std::nullopt, 20}) == std::vector<int64_t>{s[3], s[2]});
}

TEST_CASE("min_id gives the page right after it, still newest first", "[timelines]") {
  Home h;
  const auto& s = h.ids;
  CHECK(home(h.f, h.alice, {std::nullopt, std::nullopt, s[0], 2}) == std::vector<int64_t>{s[2], s[1]});
  CHECK(home(h.f, h.alice, {s[5], std::nullopt, s[2], 20}) == std::vector<int64_t>{s[4], s[3]});
  // With min_id, since_id is ignored (Mastodon's paginate_by_id).
  CHECK(home(h.f, h.alice, {std::nullopt, s[3], s[0], 2}) == std::vector<int64_t>{s[2], s[1]});
}

TEST_CASE("a home feed holds only its reader's rows", "[timelines]") {
  Home h;
  CHECK(home(h.f, h.bob, {std::nullopt, std::nullopt, std::nullopt, 20}).empty());
}

TEST_CASE("home pages are read from home_feed's primary key without a temporary B-tree", "[timelines]") {
  Home h;
  const IdPage pages[] = {{std::nullopt, std::nullopt, std::nullopt, 20}, {1, 2, std::nullopt, 20},
                          {std::nullopt, std::nullopt, 5, 20}};
  for (const IdPage& page : pages) {
    for (bool exclusions : {false, true}) {
      auto steps = plan_of(h.f, store::home_timeline_sql(page, exclusions));
      INFO(Catch::Detail::stringify(steps));
      REQUIRE_FALSE(steps.empty());
      // The first step drives the loop: home_feed by its primary key, ranged on status_id.
      CHECK(steps.front().find("SEARCH h USING PRIMARY KEY (account_id=? AND status_id>? AND status_id<?)") !=
            std::string::npos);
      for (const auto& step : steps) CHECK(step.find("TEMP B-TREE") == std::string::npos);
    }
  }
}

TEST_CASE("home hides blocked and muted authors, reblogs of them, and members of exclusive lists", "[timelines]") {
  Home h;
  auto& f = h.f;
  const int64_t carol = f.local("carol");
  const int64_t dave = f.local("dave");
  const int64_t eve = f.remote("eve", "far.example");
  const int64_t from_carol = f.post(carol, "<p>carol</p>", {h.alice});
  const int64_t from_dave = f.post(dave, "<p>dave</p>", {h.alice});
  const int64_t from_eve = f.post(eve, "<p>eve</p>");
  const int64_t boost_of_eve = f.reblog(h.bob, from_eve, {h.alice});
  const int64_t boost_of_carol = f.reblog(h.bob, from_carol, {h.alice});
  const IdPage newest{std::nullopt, std::nullopt, std::nullopt, 40};
  auto visible = [&](int64_t id) {
    auto ids = home(f, h.alice, newest);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  REQUIRE(visible(from_carol));
  REQUIRE(visible(boost_of_eve));

  f.sql("INSERT INTO blocks (id, account_id, target_account_id, created_at) VALUES (1, " + std::to_string(h.alice) +
        ", " + std::to_string(carol) + ", 0)");
  CHECK_FALSE(visible(from_carol));
  CHECK_FALSE(visible(boost_of_carol));

  // An expired mute hides nothing; a live one hides the author.
  f.sql("INSERT INTO mutes (id, account_id, target_account_id, expires_at, created_at) VALUES (2, " +
        std::to_string(h.alice) + ", " + std::to_string(dave) + ", 1, 0)");
  CHECK(visible(from_dave));
  f.sql("UPDATE mutes SET expires_at = NULL");
  CHECK_FALSE(visible(from_dave));

  f.sql("INSERT INTO account_domain_blocks (id, account_id, domain, created_at) VALUES (3, " +
        std::to_string(h.alice) + ", 'FAR.example', 0)");
  CHECK_FALSE(visible(boost_of_eve));

  const int64_t kept = h.ids.back();
  REQUIRE(visible(kept));
  f.sql("INSERT INTO lists (id, account_id, title, exclusive, created_at) VALUES (4, " + std::to_string(h.alice) +
        ", 'bob only', 1, 0)");
  f.sql("INSERT INTO list_accounts (list_id, account_id) VALUES (4, " + std::to_string(h.bob) + ")");
  CHECK_FALSE(visible(kept));
}

TEST_CASE("home and list timelines hide a suspended account's statuses and every boost of them", "[timelines]") {
  Home h;
  auto& f = h.f;
  const int64_t eve = f.remote("eve", "far.example");
  const int64_t from_eve = f.post(eve, "<p>eve</p>", {h.alice});
  const int64_t boost_of_eve = f.reblog(h.bob, from_eve, {h.alice});
  f.sql("INSERT INTO lists (id, account_id, title, exclusive, created_at) VALUES (7, " + std::to_string(h.alice) +
        ", 'people', 0, 0)");
  f.sql("INSERT INTO list_accounts (list_id, account_id) VALUES (7, " + std::to_string(h.bob) + "), (7, " +
        std::to_string(eve) + ")");
  const IdPage newest{std::nullopt, std::nullopt, std::nullopt, 40};
  auto shows = [&](const std::vector<int64_t>& ids, int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  auto list = [&] {
    return f.db.read([&](store::Connection& c) {
      return store::list_timeline_ids(c, store::ListScope{h.alice, 7, "list"}, newest, 10);
    });
  };
  REQUIRE(shows(home(f, h.alice, newest), boost_of_eve));
  REQUIRE(shows(list(), from_eve));
  REQUIRE(shows(list(), boost_of_eve));

  f.sql("UPDATE accounts SET suspended_at = 5 WHERE id = " + std::to_string(eve));
  for (const auto& ids : {home(f, h.alice, newest), list()}) {
    CHECK_FALSE(shows(ids, from_eve));
    CHECK_FALSE(shows(ids, boost_of_eve));
    CHECK(shows(ids, h.ids.back()));
  }

  // Lifting the suspension brings both back: the feed rows were kept.
  f.sql("UPDATE accounts SET suspended_at = NULL WHERE id = " + std::to_string(eve));
  CHECK(shows(home(f, h.alice, newest), from_eve));
  CHECK(shows(home(f, h.alice, newest), boost_of_eve));
}

TEST_CASE("a list timeline shows members' statuses from the owner's feed, replies by the list's policy",
          "[timelines]") {
  testing::TimelineFixture f;
  const int64_t owner = f.local("owner");
  const int64_t member = f.local("member");
  const int64_t followed = f.local("followed");
  const int64_t stranger = f.local("stranger");
  f.follow(owner, followed);
  f.sql("INSERT INTO lists (id, account_id, title, replies_policy, created_at) VALUES (7, " + std::to_string(owner) +
        ", 'l', 'list', 0)");
  f.sql("INSERT INTO list_accounts (list_id, account_id) VALUES (7, " + std::to_string(member) + ")");

  const int64_t plain = f.post(member, "<p>hi</p>", {owner});
  const int64_t other = f.post(followed, "<p>not a member</p>", {owner});
  auto reply_to = [&](int64_t to) {
    store::StatusRecord s;
    s.id = store::next_id();
    s.uri = "https://vmst.test/r/" + std::to_string(s.id);
    s.account_id = member;
    s.in_reply_to_account_id = to;
    s.created_at = s.updated_at = 1;
    return f.insert(s, {owner});
  };
  const int64_t to_self = reply_to(member);
  const int64_t to_owner = reply_to(owner);
  const int64_t to_followed = reply_to(followed);
  const int64_t to_stranger = reply_to(stranger);

  auto list = [&](const std::string& policy) {
    f.sql("UPDATE lists SET replies_policy = '" + policy + "'");
    return f.db.read([&](store::Connection& c) {
      return store::list_timeline_ids(c, {owner, 7, policy}, {std::nullopt, std::nullopt, std::nullopt, 40}, 0);
    });
  };
  using V = std::vector<int64_t>;
  CHECK(list("list") == V{to_owner, to_self, plain});
  CHECK(list("followed") == V{to_followed, to_owner, to_self, plain});
  CHECK(list("none") == V{to_owner, to_self, plain});
  (void)other;
  (void)to_stranger;
}

TEST_CASE("public timelines hold public, non-reblog statuses, local or remote as asked", "[timelines]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t remote = f.remote("rita", "remote.example");
  const int64_t local_public = f.post(alice, "<p>a</p>");
  f.post(alice, "<p>unlisted</p>", {}, "unlisted");
  f.post(alice, "<p>private</p>", {}, "private");
  store::StatusRecord r;
  r.id = store::next_id();
  r.uri = "https://remote.example/s/1";
  r.account_id = remote;
  r.created_at = r.updated_at = 1;
  const int64_t remote_public = f.insert(r, {});
  f.reblog(alice, remote_public, {});

  auto read = [&](store::PublicScope scope) {
    return f.db.read([&](store::Connection& c) {
      return store::public_timeline_ids(c, scope, {std::nullopt, std::nullopt, std::nullopt, 40}, 0);
    });
  };
  using V = std::vector<int64_t>;
  CHECK(read({}) == V{remote_public, local_public});
  CHECK(read({true, false, false, std::nullopt}) == V{local_public});
  CHECK(read({false, true, false, std::nullopt}) == V{remote_public});
  CHECK(read({false, false, true, std::nullopt}).empty());
}

TEST_CASE("tag timelines match names case-insensitively with any, all and none", "[timelines]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t cats = f.post(alice, "<p>#cats</p>");
  const int64_t both = f.post(alice, "<p>#cats #dogs</p>");
  const int64_t dogs = f.post(alice, "<p>#dogs</p>");
  int64_t cat_tag = 0, dog_tag = 0;
  f.db.write([&](store::Connection& c) {
    cat_tag = store::upsert_tag(c, store::next_id(), "cats", "Cats", 1);
    dog_tag = store::upsert_tag(c, store::next_id(), "dogs", "dogs", 1);
    store::link_status_tag(c, cats, cat_tag);
    store::link_status_tag(c, both, cat_tag);
    store::link_status_tag(c, both, dog_tag);
    store::link_status_tag(c, dogs, dog_tag);
  });
  auto ids = f.db.read([&](store::Connection& c) { return store::find_tag_ids(c, {"CATS", "nope"}); });
  CHECK(ids == std::vector<int64_t>{cat_tag});
  auto read = [&](store::TagScope scope) {
    return f.db.read([&](store::Connection& c) {
      return store::tag_timeline_ids(c, scope, {std::nullopt, std::nullopt, std::nullopt, 40}, 0);
    });
  };
  using V = std::vector<int64_t>;
  CHECK(read({{cat_tag}, {}, {}, {}}) == V{both, cats});
  CHECK(read({{cat_tag, dog_tag}, {}, {}, {}}) == V{dogs, both, cats});
  CHECK(read({{cat_tag}, {dog_tag}, {}, {}}) == V{both});
  CHECK(read({{cat_tag}, {}, {dog_tag}, {}}) == V{cats});
}
