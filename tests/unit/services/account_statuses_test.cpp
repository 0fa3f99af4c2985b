#include "services/account_statuses.hpp"

#include <catch2/catch.hpp>

#include "services/blocks.hpp"
#include "services/follows.hpp"
#include "store/status_store.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;

namespace {

struct Profile : testing::SocialFixture {
  store::AccountRecord author = local("author"), reader = local("reader");

  int64_t post(const std::string& visibility, std::optional<int64_t> reply_to = std::nullopt,
               std::optional<int64_t> reblog_of = std::nullopt, const store::AccountRecord* by = nullptr) {
    const auto& who = by ? *by : author;
    store::StatusRecord s;
    s.id = store::next_id();
    s.uri = who.uri + "/statuses/" + std::to_string(s.id);
    s.account_id = who.id;
    s.visibility = visibility;
    s.in_reply_to_id = reply_to;
    s.reblog_of_id = reblog_of;
    if (reply_to) s.in_reply_to_account_id = db.read([&](store::Connection& c) { return store::find_status(c, *reply_to)->account_id; });
    s.created_at = s.updated_at = 1;
    db.write([&](store::Connection& c) { store::insert_status(c, s); });
    return s.id;
  }
  std::vector<int64_t> page(std::optional<int64_t> viewer, services::AccountStatusesFilter filter = {},
                            store::PageRange range = {}) {
    return db.read([&](store::Connection& c) {
      return services::account_statuses(c, author, viewer, filter, range).ids;
    });
  }
};

services::AccountStatusesFilter filter(bool exclude_replies, bool exclude_reblogs, bool pinned) {
  services::AccountStatusesFilter f;
  f.exclude_replies = exclude_replies;
  f.exclude_reblogs = exclude_reblogs;
  f.pinned = pinned;
  return f;
}

store::PageRange range(std::optional<int64_t> max_id, std::optional<int64_t> since_id, std::optional<int64_t> min_id,
                       int limit) {
  return store::PageRange{max_id, since_id, min_id, limit};
}

}  // namespace

TEST_CASE("who sees which of an account's statuses", "[account_statuses]") {
  Profile p;
  const int64_t pub = p.post("public"), unl = p.post("unlisted"), priv = p.post("private"), dm = p.post("direct");
  CHECK(p.page(std::nullopt) == std::vector<int64_t>{unl, pub});
  CHECK(p.page(p.reader.id) == std::vector<int64_t>{unl, pub});
  CHECK(p.page(p.author.id) == std::vector<int64_t>{dm, priv, unl, pub});
  p.write([&](store::Connection& c, services::Outbox& out) { services::follow(c, out, p.reader, p.author, {}, 1); });
  CHECK(p.page(p.reader.id) == std::vector<int64_t>{priv, unl, pub});
  p.db.write([&](store::Connection& c) { store::insert_mention(c, store::next_id(), dm, p.reader.id, false); });
  CHECK(p.page(p.reader.id) == std::vector<int64_t>{dm, priv, unl, pub});
  p.write([&](store::Connection& c, services::Outbox& out) { services::block(c, out, p.author, p.reader, 1); });
  CHECK(p.page(p.reader.id).empty());
}

TEST_CASE("replies, reblogs and pins filter an account's statuses", "[account_statuses]") {
  Profile p;
  auto other = p.local("other");
  const int64_t theirs = p.post("public", std::nullopt, std::nullopt, &other);
  const int64_t root = p.post("public");
  const int64_t thread = p.post("public", root);
  const int64_t reply = p.post("public", theirs);
  const int64_t reblog = p.post("public", std::nullopt, theirs);
  CHECK(p.page(std::nullopt) == std::vector<int64_t>{reblog, reply, thread, root});
  CHECK(p.page(std::nullopt, filter(true, false, false)) == std::vector<int64_t>{reblog, thread, root});
  CHECK(p.page(std::nullopt, filter(false, true, false)) == std::vector<int64_t>{reply, thread, root});
  p.db.write([&](store::Connection& c) {
    auto& q = c.prepare("INSERT INTO status_pins (id, account_id, status_id, created_at) VALUES (1, ?, ?, 0)");
    q.bind(1, p.author.id);
    q.bind(2, root);
    q.exec();
  });
  CHECK(p.page(std::nullopt, filter(false, false, true)) == std::vector<int64_t>{root});
}

TEST_CASE("reblogs of statuses the viewer may not see are left out", "[account_statuses]") {
  Profile p;
  auto other = p.local("other");
  const int64_t hidden = p.post("private", std::nullopt, std::nullopt, &other);
  const int64_t reblog = p.post("public", std::nullopt, hidden);
  auto result = p.db.read([&](store::Connection& c) {
    return services::account_statuses(c, p.author, std::nullopt, {}, {});
  });
  CHECK(result.ids.empty());
  CHECK(result.read == 1);  // the page still advances past it
  CHECK(result.oldest == std::optional<int64_t>(reblog));
}

TEST_CASE("account statuses page by id in both directions", "[account_statuses]") {
  Profile p;
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(p.post("public"));
  CHECK(p.page(std::nullopt, {}, range(std::nullopt, std::nullopt, std::nullopt, 2)) == std::vector<int64_t>{ids[4], ids[3]});
  CHECK(p.page(std::nullopt, {}, range(ids[3], std::nullopt, std::nullopt, 2)) == std::vector<int64_t>{ids[2], ids[1]});
  CHECK(p.page(std::nullopt, {}, range(std::nullopt, ids[1], std::nullopt, 2)) == std::vector<int64_t>{ids[4], ids[3]});
  CHECK(p.page(std::nullopt, {}, range(std::nullopt, std::nullopt, ids[1], 2)) == std::vector<int64_t>{ids[3], ids[2]});
}
