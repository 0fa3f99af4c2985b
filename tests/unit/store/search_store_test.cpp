#include "store/search_store.hpp"

#include <catch2/catch.hpp>

#include "services/blocks.hpp"
#include "services/follows.hpp"
#include "services/mutes.hpp"
#include "store/fan_out_store.hpp"
#include "store/status_store.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;

namespace {

struct Searchable : testing::SocialFixture {
  int64_t post(const store::AccountRecord& author, const std::string& text, const std::string& visibility = "public") {
    store::StatusRecord s;
    s.id = store::next_id();
    s.uri = author.uri + "/statuses/" + std::to_string(s.id);
    s.account_id = author.id;
    s.visibility = visibility;
    s.text = text;
    s.created_at = s.updated_at = 1;
    db.write([&](store::Connection& c) {
      store::insert_status(c, s);
      store::index_status_text(c, s.id, text);
    });
    return s.id;
  }
  std::vector<int64_t> find(int64_t viewer, const std::string& match) {
    store::StatusSearchQuery q;
    q.match = match;
    q.viewer = viewer;
    q.now = 1000;
    return db.read([&](store::Connection& c) { return store::search_statuses(c, q); });
  }
  std::vector<int64_t> accounts(const std::string& term, std::optional<std::string> domain = std::nullopt) {
    store::AccountSearchQuery q;
    q.term = term;
    q.domain = std::move(domain);
    return db.read([&](store::Connection& c) { return store::search_accounts(c, q); });
  }
};

}  // namespace

TEST_CASE("full-text search finds what the viewer may see, newest first", "[search_store]") {
  Searchable s;
  auto alice = s.local("alice"), bob = s.local("bob"), carol = s.local("carol");
  const int64_t pub = s.post(alice, "The quick brown fox");
  const int64_t priv = s.post(alice, "a quick secret", "private");
  const int64_t dm = s.post(alice, "quick direct", "direct");
  CHECK(s.find(bob.id, R"("quick")") == std::vector<int64_t>{pub});
  CHECK(s.find(alice.id, R"("quick")") == std::vector<int64_t>{dm, priv, pub});
  s.write([&](store::Connection& c, services::Outbox& out) { services::follow(c, out, bob, alice, {}, 1); });
  CHECK(s.find(bob.id, R"("quick")") == std::vector<int64_t>{priv, pub});
  s.db.write([&](store::Connection& c) { store::insert_mention(c, store::next_id(), dm, carol.id, false); });
  CHECK(s.find(carol.id, R"("quick")") == std::vector<int64_t>{dm, pub});
  CHECK(s.find(bob.id, R"("QUICK" "fox")") == std::vector<int64_t>{pub});
}

TEST_CASE("full-text search leaves out blocked, blocking and muted accounts", "[search_store]") {
  Searchable s;
  auto alice = s.local("alice"), bob = s.local("bob");
  s.post(alice, "hello world");
  s.write([&](store::Connection& c, services::Outbox& out) { services::block(c, out, alice, bob, 1); });
  CHECK(s.find(bob.id, R"("hello")").empty());
  s.write([&](store::Connection& c, services::Outbox& out) { services::unblock(c, out, alice, bob, 1); });
  CHECK(s.find(bob.id, R"("hello")").size() == 1);
  s.db.write([&](store::Connection& c) { services::mute(c, bob, alice, true, std::nullopt, 1); });
  CHECK(s.find(bob.id, R"("hello")").empty());
}

TEST_CASE("re-indexing a status replaces its text", "[search_store]") {
  Searchable s;
  auto alice = s.local("alice");
  const int64_t id = s.post(alice, "before edit");
  s.db.write([&](store::Connection& c) { store::index_status_text(c, id, "after edit"); });
  CHECK(s.find(alice.id, R"("before")").empty());
  CHECK(s.find(alice.id, R"("after")") == std::vector<int64_t>{id});
}

TEST_CASE("account search: exact name first, then local, never the instance actor", "[search_store]") {
  Searchable s;
  auto alfred = s.local("alfred");
  auto al = s.local("al");
  auto remote_al = s.remote("alan");
  CHECK(s.accounts("al") == std::vector<int64_t>{al.id, alfred.id, remote_al.id});
  CHECK(s.accounts("al", std::string()) == std::vector<int64_t>{al.id, alfred.id});
  CHECK(s.accounts("al", std::string("remote.ex")) == std::vector<int64_t>{remote_al.id});
  CHECK(s.accounts("vmst.test").empty());
  CHECK(s.accounts("a%").empty());
  auto found = s.db.read([&](store::Connection& c) { return store::find_remote_account_by_handle(c, "ALAN", "Remote.Example"); });
  REQUIRE(found);
  CHECK(found->id == remote_al.id);
}

TEST_CASE("tag search by prefix, exact match first, with the viewer's follows", "[search_store]") {
  Searchable s;
  auto alice = s.local("alice");
  s.db.write([&](store::Connection& c) {
    c.exec("INSERT INTO tags (id, name, display_name, created_at, last_status_at) VALUES"
           " (1, 'cats', 'Cats', 0, 5), (2, 'cat', 'cat', 0, 1), (3, 'dogs', '', 0, 9), (4, 'catnip', 'catnip', 0, NULL)");
    auto& q = c.prepare("INSERT INTO tag_follows (account_id, tag_id, created_at) VALUES (?, 1, 0)");
    q.bind(1, alice.id);
    q.exec();
  });
  auto tags = s.db.read([&](store::Connection& c) { return store::search_tags(c, "cat", alice.id, 10, 0); });
  REQUIRE(tags.size() == 3);
  CHECK(tags[0].name == "cat");
  CHECK(tags[1].name == "Cats");
  CHECK(tags[1].following);
  CHECK(tags[2].name == "catnip");
  auto dogs = s.db.read([&](store::Connection& c) { return store::search_tags(c, "DO", std::nullopt, 10, 0); });
  REQUIRE(dogs.size() == 1);
  CHECK(dogs[0].name == "dogs");
}
