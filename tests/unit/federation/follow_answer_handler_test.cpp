// Accept and Reject from remote servers answering local users' Follows.
#include <catch2/catch.hpp>

#include "federation/activity_dispatch.hpp"
#include "services/follows.hpp"
#include "store/follow_store.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;
using nlohmann::json;

namespace {

struct Answers : testing::SocialFixture {
  federation::ActorResolver resolver{db, net::NetPolicy{false, false, "t"}, urls};
  federation::HandlerContext ctx{db, resolver, urls, enqueue, [] {}, {}, {}};
  store::AccountRecord alice = local("alice"), rita = remote("rita"), mallory = remote("mallory");
  std::string follow_id;

  Answers() {
    write([&](store::Connection& c, services::Outbox& out) { services::follow(c, out, alice, rita, {}, 1000); });
    follow_id = delivered.at(0).activity["id"].get<std::string>();
  }
  bool following() { return db.read([&](store::Connection& c) { return store::is_following(c, alice.id, rita.id); }); }
  bool requested() {
    return db.read([&](store::Connection& c) { return store::has_follow_request(c, alice.id, rita.id); });
  }
  json answer(const std::string& type, const json& object) const {
    return {{"id", rita.uri + "#answers/1"}, {"type", type}, {"actor", rita.uri}, {"object", object}};
  }
};

}  // namespace

TEST_CASE("an Accept embedding our Follow turns the request into a follow", "[follow_answers]") {
  Answers a;
  json follow = {{"id", a.follow_id}, {"type", "Follow"}, {"actor", a.alice.uri}, {"object", a.rita.uri}};
  federation::dispatch_activity(a.ctx, a.answer("Accept", follow), a.rita, 2000);
  CHECK(a.following());
  CHECK_FALSE(a.requested());
  CHECK(a.reload(a.rita.id).followers_count == 1);
}

TEST_CASE("an Accept naming only the Follow's id is enough", "[follow_answers]") {
  Answers a;
  federation::dispatch_activity(a.ctx, a.answer("Accept", a.follow_id), a.rita, 2000);
  CHECK(a.following());
}

TEST_CASE("an Accept with a Follow of the peer's own making matches by actor and object", "[follow_answers]") {
  Answers a;
  json follow = {{"type", "Follow"}, {"actor", a.alice.uri}, {"object", a.rita.uri}};
  federation::dispatch_activity(a.ctx, a.answer("Accept", follow), a.rita, 2000);
  CHECK(a.following());
}

TEST_CASE("only the followed account can accept", "[follow_answers]") {
  Answers a;
  federation::dispatch_activity(a.ctx, a.answer("Accept", a.follow_id), a.mallory, 2000);
  json follow = {{"type", "Follow"}, {"actor", a.alice.uri}, {"object", a.rita.uri}};
  federation::dispatch_activity(a.ctx, a.answer("Accept", follow), a.mallory, 2000);
  CHECK_FALSE(a.following());
  CHECK(a.requested());
}

TEST_CASE("Accepts of other things or unknown follows change nothing", "[follow_answers]") {
  Answers a;
  federation::dispatch_activity(a.ctx, a.answer("Accept", json{{"id", a.follow_id}, {"type", "Invite"}}), a.rita, 2000);
  federation::dispatch_activity(a.ctx, a.answer("Accept", "https://vmst.test/users/alice/follows/1"), a.rita, 2000);
  federation::dispatch_activity(a.ctx, a.answer("Accept", json()), a.rita, 2000);
  CHECK_FALSE(a.following());
  CHECK(a.requested());
}

TEST_CASE("a Reject drops the request, and after an Accept the follow", "[follow_answers]") {
  Answers a;
  federation::dispatch_activity(a.ctx, a.answer("Reject", a.follow_id), a.rita, 2000);
  CHECK_FALSE(a.requested());
  CHECK_FALSE(a.following());

  a.write([&](store::Connection& c, services::Outbox& out) { services::follow(c, out, a.alice, a.rita, {}, 3000); });
  const std::string second = a.delivered.back().activity["id"].get<std::string>();
  federation::dispatch_activity(a.ctx, a.answer("Accept", second), a.rita, 4000);
  REQUIRE(a.following());
  federation::dispatch_activity(a.ctx, a.answer("Reject", second), a.rita, 5000);
  CHECK_FALSE(a.following());
}
