// A suspended domain's purge as services/domain_purge runs it: batch by batch after the block commits, resumable
// from the flag on the block row, stopped by lifting the suspension.
#include "services/domain_purge.hpp"

#include <catch2/catch.hpp>

#include "media/media_storage.hpp"
#include "services/domain_blocks.hpp"
#include "store/domain_block_store.hpp"
#include "store/domain_purge_store.hpp"
#include "store/status_store.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;

namespace {

struct Purge : testing::SocialFixture {
  store::AccountRecord troll = remote("troll", "bad.example");
  store::AccountRecord sub = remote("sub", "social.bad.example");
  store::AccountRecord friendly = remote("friend", "good.example");
  std::filesystem::path media_root = dir.path() / "media";

  // `count` statuses by `author`, in one transaction.
  void posts(const store::AccountRecord& author, int count) {
    db.write([&](store::Connection& c) {
      for (int i = 0; i < count; ++i) {
        store::StatusRecord s;
        s.id = store::next_id();
        s.uri = author.uri + "/statuses/" + std::to_string(s.id);
        s.account_id = author.id;
        s.visibility = "public";
        s.created_at = s.updated_at = 1;
        store::insert_status(c, s);
      }
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
  int64_t statuses_on_bad() {
    return count("SELECT count(*) FROM statuses s JOIN accounts a ON a.id = s.account_id"
                 " WHERE a.domain IN ('bad.example', 'social.bad.example')");
  }
  std::vector<std::string> pending() {
    return db.read([](store::Connection& c) { return store::domains_pending_purge(c); });
  }
  void suspend(const std::string& domain) {
    services::DomainBlockInput input;
    input.domain = domain;
    input.severity = "suspend";
    write([&](store::Connection& c, services::Outbox& outbox) { services::apply_domain_block(c, outbox, input, 5000); });
  }
};

}  // namespace

TEST_CASE("a suspension commits at once and leaves its purge pending on the block row", "[domain_purge]") {
  Purge p;
  p.posts(p.troll, 30);
  p.suspend("bad.example");
  CHECK(p.db.read([](store::Connection& c) { return store::refuses_federation_with(c, "bad.example"); }));
  CHECK(p.pending() == std::vector<std::string>{"bad.example"});
  CHECK(p.statuses_on_bad() == 30);  // nothing purged inside the block's transaction
}

TEST_CASE("a large domain is purged a batch per transaction until no row of it is left", "[domain_purge]") {
  Purge p;
  p.posts(p.troll, 1100);
  p.posts(p.sub, 150);
  p.posts(p.friendly, 5);
  // A cached attachment of one of its statuses: the file goes with the purge.
  const auto attached = p.db.read([&](store::Connection& c) { return store::domain_status_batch(c, "bad.example", 1); });
  REQUIRE(attached.size() == 1);
  media::MediaStorage(p.media_root).write("cache/x/original.png", "png bytes");
  p.db.write([&](store::Connection& c) {
    c.exec("INSERT INTO media_attachments (id, account_id, status_id, type, file_path, created_at, updated_at)"
           " VALUES (" + std::to_string(store::next_id()) + ", " + std::to_string(p.troll.id) + ", " +
           std::to_string(attached[0]) + ", 'image', 'cache/x/original.png', 1, 1)");
  });
  p.suspend("bad.example");

  auto first = services::purge_domain_batch(p.db, p.media_root, "bad.example", 500);
  CHECK(first.statuses == 500);
  CHECK_FALSE(first.finished);
  CHECK(p.statuses_on_bad() == 750);

  int batches = 1;
  while (!services::purge_domain_batch(p.db, p.media_root, "bad.example", 500).finished) REQUIRE(++batches < 10);
  // 1250 statuses in three batches, then the two accounts in one, then the batch that finds nothing left.
  CHECK(batches == 4);
  CHECK(p.statuses_on_bad() == 0);
  CHECK(p.count("SELECT count(*) FROM accounts WHERE domain IN ('bad.example', 'social.bad.example')") == 0);
  CHECK(p.count("SELECT count(*) FROM media_attachments") == 0);
  CHECK_FALSE(std::filesystem::exists(p.media_root / "cache/x/original.png"));
  CHECK(p.count("SELECT count(*) FROM statuses WHERE account_id = " + std::to_string(p.friendly.id)) == 5);
  CHECK(p.pending().empty());
  // The block stays; only its purge is done.
  CHECK(p.db.read([](store::Connection& c) { return store::refuses_federation_with(c, "bad.example"); }));
}

TEST_CASE("a purge cut short is finished later from the flag on the block row", "[domain_purge]") {
  Purge p;
  p.posts(p.troll, 1200);
  p.suspend("bad.example");
  // The CLI ran one batch and was killed: what is left is known only from the database.
  services::purge_domain_batch(p.db, p.media_root, "bad.example", 500);
  REQUIRE(p.statuses_on_bad() == 700);

  // The server's periodic task leaves a block set moments ago to the command that set it (blocked at 5000)...
  CHECK(services::run_pending_purges(p.db, p.media_root, 2, 500, 5000).batches == 0);
  // ...and later goes on a couple of batches per tick.
  auto tick = services::run_pending_purges(p.db, p.media_root, 2, 500, 6000);
  CHECK(tick.batches == 2);
  CHECK(tick.statuses == 700);
  CHECK_FALSE(tick.finished);
  CHECK(p.pending() == std::vector<std::string>{"bad.example"});
  auto next = services::run_pending_purges(p.db, p.media_root, 2, 500, 6000);
  CHECK(next.accounts == 2);
  CHECK(next.finished);
  CHECK(p.pending().empty());
  CHECK(p.statuses_on_bad() == 0);
  // Nothing left: a tick costs one read.
  CHECK(services::run_pending_purges(p.db, p.media_root, 2, 500).batches == 0);
}

TEST_CASE("lifting or lowering the suspension stops its pending purge", "[domain_purge]") {
  Purge p;
  p.posts(p.troll, 20);
  p.suspend("bad.example");
  p.db.write([](store::Connection& c) { return services::remove_domain_block(c, "bad.example"); });
  auto step = services::purge_domain_batch(p.db, p.media_root, "bad.example", 500);
  CHECK(step.finished);
  CHECK(step.statuses == 0);
  CHECK(p.statuses_on_bad() == 20);
}

TEST_CASE("a suspended domain's custom emoji and their cached images go with the purge", "[domain_purge]") {
  Purge p;
  media::MediaStorage storage(p.media_root);
  int n = 0;
  for (const char* domain : {"bad.example", "social.bad.example", "good.example"}) {
    const std::string path = "cache/custom_emojis/" + std::to_string(++n) + "/original.png";
    storage.write(path, "png bytes");
    p.db.write([&](store::Connection& c) {
      c.exec("INSERT INTO custom_emojis (id, shortcode, domain, image_remote_url, image_path, created_at, updated_at)"
             " VALUES (" + std::to_string(store::next_id()) + ", 'blob', '" + domain + "', 'https://" + domain +
             "/blob.png', '" + path + "', 1, 1)");
    });
  }
  p.suspend("bad.example");
  auto purged = services::run_pending_purges(p.db, p.media_root);
  CHECK(purged.finished);
  CHECK(purged.emojis == 2);
  CHECK(p.count("SELECT count(*) FROM custom_emojis") == 1);
  CHECK(p.count("SELECT count(*) FROM custom_emojis WHERE domain = 'good.example'") == 1);
  CHECK_FALSE(std::filesystem::exists(p.media_root / "cache/custom_emojis/1/original.png"));
  CHECK_FALSE(std::filesystem::exists(p.media_root / "cache/custom_emojis/2/original.png"));
  CHECK(std::filesystem::exists(p.media_root / "cache/custom_emojis/3/original.png"));
}
