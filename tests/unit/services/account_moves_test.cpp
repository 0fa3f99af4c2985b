#include "services/account_moves.hpp"

#include <catch2/catch.hpp>

#include "services/follows.hpp"
#include "store/block_store.hpp"
#include "store/follow_store.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;

namespace {

store::AccountRecord with_aliases(store::AccountRecord account, const std::vector<std::string>& aliases) {
  account.also_known_as_json = nlohmann::json(aliases).dump();
  return account;
}

}  // namespace

TEST_CASE("a Move is valid only when the new account names the old one in alsoKnownAs", "[account_moves]") {
  testing::SocialFixture f;
  auto old_account = f.remote("bob");
  auto new_account = f.remote("bob2", "new.example");
  CHECK(services::move_refusal(old_account, old_account.uri, with_aliases(new_account, {old_account.uri})) ==
        std::nullopt);
  CHECK(services::move_refusal(old_account, old_account.uri, new_account) ==
        std::optional<std::string>("the target does not list the account in alsoKnownAs"));
  CHECK(services::move_refusal(old_account, old_account.uri, with_aliases(new_account, {"https://x.example/u/bob"})));
}

TEST_CASE("a Move of someone else, to itself, to a suspended or an already moved account is refused",
          "[account_moves]") {
  testing::SocialFixture f;
  auto old_account = f.remote("bob");
  auto target = with_aliases(f.remote("bob2", "new.example"), {old_account.uri});
  CHECK(services::move_refusal(old_account, "https://remote.example/users/carol", target) ==
        std::optional<std::string>("the Move's object is not its actor"));
  CHECK(services::move_refusal(old_account, old_account.uri, with_aliases(old_account, {old_account.uri})) ==
        std::optional<std::string>("an account cannot move to itself"));
  auto suspended = target;
  suspended.suspended_at = 5;
  CHECK(services::move_refusal(old_account, old_account.uri, suspended) ==
        std::optional<std::string>("the target account is suspended"));
  // A loop: the target already moved back to the origin (or anywhere else).
  auto moved_on = target;
  moved_on.moved_to_account_id = old_account.id;
  CHECK(services::move_refusal(old_account, old_account.uri, moved_on) ==
        std::optional<std::string>("the target account has moved on itself"));
}

TEST_CASE("local followers follow the new account with their settings and unfollow the old one", "[account_moves]") {
  testing::SocialFixture f;
  auto alice = f.local("alice");
  auto carol = f.local("carol");
  auto old_account = f.remote("bob");
  auto target = f.remote("bob2", "new.example");
  f.db.write([&](store::Connection& c) {
    store::insert_follow(c, store::next_id(), alice.id, old_account.id, std::string("https://vmst.test/f/1"), 0);
    store::set_follow_options(c, alice.id, old_account.id, false, true, std::string(R"(["de"])"));
    store::insert_follow(c, store::next_id(), carol.id, old_account.id, std::string("https://vmst.test/f/2"), 0);
    store::insert_block(c, store::next_id(), carol.id, target.id, std::nullopt, 0);
  });
  int moved = 0;
  f.write([&](store::Connection& c, services::Outbox& outbox) {
    moved = services::move_followers(c, outbox, old_account, target, 1000);
  });
  CHECK(moved == 1);
  CHECK(f.reload(old_account.id).moved_to_account_id == std::optional<int64_t>(target.id));
  // alice: a Follow to the new account (a request until its Accept), an Undo to the old one, same choices.
  auto request = f.db.read([&](store::Connection& c) { return store::find_follow_request(c, alice.id, target.id); });
  REQUIRE(request);
  CHECK_FALSE(request->show_reblogs);
  CHECK(request->notify);
  CHECK(request->languages_json == std::optional<std::string>(R"(["de"])"));
  CHECK_FALSE(f.db.read([&](store::Connection& c) { return store::is_following(c, alice.id, old_account.id); }));
  CHECK(f.delivered_types() == std::vector<std::string>{"Follow", "Undo"});
  CHECK(f.delivered[0].inboxes == std::vector<std::string>{target.inbox_url});
  CHECK(f.delivered[1].inboxes == std::vector<std::string>{old_account.inbox_url});
  // carol blocks the new account: she stays where she was.
  CHECK(f.db.read([&](store::Connection& c) { return store::is_following(c, carol.id, old_account.id); }));
}
