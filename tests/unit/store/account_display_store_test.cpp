#include "store/account_display_store.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "convert/mastodon/account.hpp"
#include "support/timeline_fixture.hpp"

using namespace vmst;

TEST_CASE("display rows render the same Mastodon account as whole rows, without the keys", "[store][accounts]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t bob = f.remote("bob", "remote.example");
  const std::string a = std::to_string(alice), b = std::to_string(bob);
  f.sql("UPDATE accounts SET display_name = 'Alice :wave:', note = '<p>hi</p>', locked = 1, memorial = 1,"
        " fields = '[{\"name\":\"site\",\"value\":\"x\",\"verified_at\":null}]', silenced_at = 5 WHERE id = " + a);
  f.sql("INSERT INTO media_attachments (id, account_id, type, file_path, created_at, updated_at) VALUES (77, " + a +
        ", 'image', 'avatars/77.png', 1, 1)");
  f.sql("UPDATE accounts SET avatar_media_id = 77, header_remote_url = 'https://vmst.test/h.png' WHERE id = " + a);
  f.sql("UPDATE accounts SET avatar_remote_url = 'https://remote.example/a.png', bot = 1, suspended_at = 9 WHERE id = " +
        b);
  f.sql("UPDATE account_stats SET statuses_count = 12, followers_count = 3, following_count = 4,"
        " last_status_at = 1700000000000 WHERE account_id = " + a);

  const federation::LocalUrls urls{"https://vmst.test"};
  auto whole = f.db.read([&](store::Connection& c) { return store::find_accounts(c, {alice, bob, 424242}); });
  auto display = f.db.read([&](store::Connection& c) { return store::find_accounts_for_display(c, {alice, bob, 424242}); });
  REQUIRE(whole.size() == 2);
  REQUIRE(display.size() == 2);
  auto by_id = [](std::vector<store::AccountRecord>& rows, int64_t id) -> store::AccountRecord& {
    return *std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.id == id; });
  };
  for (int64_t id : {alice, bob}) {
    const auto& w = by_id(whole, id);
    const auto& d = by_id(display, id);
    CHECK(convert::mastodon::account_json(d, urls) == convert::mastodon::account_json(w, urls));
    CHECK(d.avatar_file_path == w.avatar_file_path);
    CHECK(d.silenced_at == w.silenced_at);
    CHECK(d.gone_at == w.gone_at);
    CHECK(d.updated_at == w.updated_at);
    CHECK(d.public_key_pem.empty());
    CHECK_FALSE(d.private_key_pem.has_value());
    CHECK(d.inbox_url.empty());
  }
  CHECK(by_id(whole, alice).private_key_pem == "unused");
  CHECK(by_id(display, alice).avatar_file_path == "avatars/77.png");
}
