#include "services/relationships.hpp"

#include <catch2/catch.hpp>

#include "convert/mastodon/relationship.hpp"
#include "services/blocks.hpp"
#include "services/follows.hpp"
#include "services/mutes.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;

namespace {

store::AccountRecord account(int64_t id, std::optional<std::string> domain = std::nullopt) {
  store::AccountRecord a;
  a.id = id;
  a.domain = std::move(domain);
  return a;
}

}  // namespace

TEST_CASE("no rows means every flag is off and the note is empty", "[relationships]") {
  store::RelationshipRows rows;
  auto r = services::relationship_from_rows(rows, account(7), 1000);
  CHECK(r.account_id == 7);
  CHECK_FALSE(r.following);
  CHECK_FALSE(r.showing_reblogs);
  CHECK_FALSE(r.notifying);
  CHECK_FALSE(r.languages);
  CHECK_FALSE(r.requested);
  CHECK_FALSE(r.muting);
  CHECK(r.note.empty());
}

TEST_CASE("follow options come from the follow, else from the pending request", "[relationships]") {
  store::RelationshipRows rows;
  rows.following[1] = {false, true, R"(["en","de"])"};
  rows.requested[2] = {true, false, std::nullopt};
  auto followed = services::relationship_from_rows(rows, account(1), 0);
  CHECK(followed.following);
  CHECK_FALSE(followed.showing_reblogs);
  CHECK(followed.notifying);
  CHECK(followed.languages == std::vector<std::string>{"en", "de"});
  auto requested = services::relationship_from_rows(rows, account(2), 0);
  CHECK_FALSE(requested.following);
  CHECK(requested.requested);
  CHECK(requested.showing_reblogs);
  CHECK_FALSE(requested.languages);
}

TEST_CASE("a mute counts until it expires, and sparing notifications shows", "[relationships]") {
  store::RelationshipRows rows;
  rows.muting[1] = {true, 5000};
  rows.muting[2] = {false, std::nullopt};
  auto live = services::relationship_from_rows(rows, account(1), 4999);
  CHECK(live.muting);
  CHECK(live.muting_notifications);
  auto expired = services::relationship_from_rows(rows, account(1), 5000);
  CHECK_FALSE(expired.muting);
  CHECK_FALSE(expired.muting_notifications);
  auto quiet = services::relationship_from_rows(rows, account(2), 99999);
  CHECK(quiet.muting);
  CHECK_FALSE(quiet.muting_notifications);
}

TEST_CASE("domain_blocking compares the target's domain without case", "[relationships]") {
  store::RelationshipRows rows;
  rows.blocked_domains = {"spam.example"};
  CHECK(services::relationship_from_rows(rows, account(1, "SPAM.example"), 0).domain_blocking);
  CHECK_FALSE(services::relationship_from_rows(rows, account(2, "ok.example"), 0).domain_blocking);
  CHECK_FALSE(services::relationship_from_rows(rows, account(3), 0).domain_blocking);
}

TEST_CASE("relationship JSON has every key Mastodon documents", "[relationships]") {
  convert::mastodon::Relationship r;
  r.account_id = 42;
  auto json = convert::mastodon::relationship_json(r);
  for (const char* key : {"id", "following", "showing_reblogs", "notifying", "languages", "followed_by", "blocking",
                          "blocked_by", "muting", "muting_notifications", "requested", "requested_by",
                          "domain_blocking", "endorsed", "note"}) {
    CHECK(json.contains(key));
  }
  CHECK(json["id"] == "42");
  CHECK(json["languages"].is_null());
  CHECK(json.size() == 15);
}

TEST_CASE("relationships come in request order, once per account, skipping unknown ids", "[relationships]") {
  testing::SocialFixture f;
  auto alice = f.local("alice");
  auto bob = f.local("bob");
  auto carol = f.local("carol");
  f.write([&](store::Connection& c, services::Outbox& out) {
    services::follow(c, out, alice, bob, {}, 1000);
    services::follow(c, out, carol, alice, {}, 1000);
    services::block(c, out, bob, carol, 1000);
    services::mute(c, alice, carol, false, std::nullopt, 1000);
  });
  auto found = f.db.read([&](store::Connection& c) {
    return services::relationships(c, alice.id, {carol.id, 999, bob.id, carol.id}, 2000);
  });
  REQUIRE(found.size() == 2);
  CHECK(found[0].account_id == carol.id);
  CHECK(found[0].followed_by);
  CHECK(found[0].muting);
  CHECK_FALSE(found[0].muting_notifications);
  CHECK(found[1].account_id == bob.id);
  CHECK(found[1].following);
  CHECK(found[1].showing_reblogs);
  auto from_bob = f.db.read([&](store::Connection& c) { return services::relationship(c, bob.id, carol.id, 2000); });
  CHECK(from_bob.blocking);
  auto from_carol = f.db.read([&](store::Connection& c) { return services::relationship(c, carol.id, bob.id, 2000); });
  CHECK(from_carol.blocked_by);
}
