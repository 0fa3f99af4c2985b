// A reject_media block deleting the copies already made of the domain's media, as services/domain_media_clear runs
// it: after the block commits, a batch per transaction, the files after each commit, resumable from the flag on the
// block row, stopped by lifting reject_media.
#include "services/domain_media_clear.hpp"

#include <catch2/catch.hpp>

#include "media/media_storage.hpp"
#include "services/domain_blocks.hpp"
#include "store/domain_media_clear_store.hpp"
#include "store/ids.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;

namespace {

struct Clear : testing::SocialFixture {
  store::AccountRecord troll = remote("troll", "bad.example");
  store::AccountRecord sub = remote("sub", "social.bad.example:8443");
  store::AccountRecord friendly = remote("friend", "good.example");
  std::filesystem::path media_root = dir.path() / "media";
  media::MediaStorage storage{media_root};

  void exec(const std::string& sql) {
    db.write([&](store::Connection& c) { c.exec(sql); });
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
  bool on_disk(const std::string& path) { return storage.resolve(path).has_value(); }
  // A copied file of `account`'s: an attachment (with a preview) of a status, or its avatar or header.
  int64_t attachment(const store::AccountRecord& account, const std::string& name) {
    const int64_t id = store::next_id();
    storage.write("cache/media_attachments/" + name + "/original.png", "png");
    storage.write("cache/media_attachments/" + name + "/small.png", "png");
    exec("INSERT INTO media_attachments (id, account_id, type, remote_url, file_path, thumbnail_path, blurhash,"
         " cached, created_at, updated_at) VALUES (" + std::to_string(id) + ", " + std::to_string(account.id) +
         ", 'image', 'https://origin/" + name + "', 'cache/media_attachments/" + name +
         "/original.png', 'cache/media_attachments/" + name + "/small.png', 'LKO2?U%2Tw=w', 1, 1, 1)");
    return id;
  }
  void profile_images(const store::AccountRecord& account) {
    const std::string n = std::to_string(account.id);
    const int64_t avatar = store::next_id(), header = store::next_id();
    storage.write("cache/avatars/" + n + "/original.png", "png");
    storage.write("cache/headers/" + n + "/original.png", "png");
    exec("INSERT INTO media_attachments (id, account_id, type, remote_url, file_path, created_at, updated_at) VALUES"
         " (" + std::to_string(avatar) + ", " + n + ", 'image', 'https://origin/a" + n + "', 'cache/avatars/" + n +
         "/original.png', 1, 1), (" + std::to_string(header) + ", " + n + ", 'image', 'https://origin/h" + n +
         "', 'cache/headers/" + n + "/original.png', 1, 1)");
    exec("UPDATE accounts SET avatar_media_id = " + std::to_string(avatar) + ", header_media_id = " +
         std::to_string(header) + ", avatar_remote_url = 'https://origin/a" + n +
         "', header_remote_url = 'https://origin/h" + n + "' WHERE id = " + n);
  }
  void emoji(const std::string& shortcode, const std::string& domain) {
    const std::string path = "cache/custom_emojis/" + shortcode + "/original.png";
    storage.write(path, "png");
    exec("INSERT INTO custom_emojis (id, shortcode, domain, image_remote_url, image_path, created_at, updated_at)"
         " VALUES (" + std::to_string(store::next_id()) + ", '" + shortcode + "', '" + domain +
         "', 'https://origin/" + shortcode + "', '" + path + "', 1, 1)");
  }
  services::DomainBlockOutcome block(const std::string& domain, const std::string& severity, bool reject_media,
                                     int64_t now = 5000) {
    services::DomainBlockInput input;
    input.domain = domain;
    input.severity = severity;
    input.reject_media = reject_media;
    services::DomainBlockOutcome out;
    write([&](store::Connection& c, services::Outbox& outbox) { out = services::apply_domain_block(c, outbox, input, now); });
    return out;
  }
  std::vector<std::string> pending() {
    return db.read([](store::Connection& c) { return store::domains_pending_media_clear(c); });
  }
};

}  // namespace

TEST_CASE("a reject_media block deletes the domain's copied avatars, headers, attachments and emoji",
          "[domain_media_clear]") {
  Clear p;
  p.profile_images(p.troll);
  p.profile_images(p.friendly);
  const int64_t bad = p.attachment(p.troll, "bad");
  const int64_t on_sub = p.attachment(p.sub, "sub");
  const int64_t good = p.attachment(p.friendly, "good");
  p.emoji("blob", "bad.example");
  p.emoji("subblob", "social.bad.example:8443");
  p.emoji("nice", "good.example");

  auto outcome = p.block("bad.example", "noop", true);
  CHECK(outcome.media_clear_started);
  // Nothing changes inside the block's own transaction.
  CHECK(p.pending() == std::vector<std::string>{"bad.example"});
  CHECK(p.on_disk("cache/media_attachments/bad/original.png"));

  auto cleared = services::run_pending_media_clears(p.db, p.media_root);
  CHECK(cleared.finished);
  CHECK(cleared.accounts == 1);
  CHECK(cleared.attachments == 2);
  CHECK(cleared.emojis == 2);
  CHECK(cleared.files == 2 + 4 + 2);
  CHECK(p.pending().empty());

  // The account shows what one first seen after the block shows: no avatar, no header.
  auto troll = p.reload(p.troll.id);
  CHECK_FALSE(troll.avatar_file_path);
  CHECK_FALSE(troll.header_file_path);
  CHECK_FALSE(troll.avatar_remote_url);
  CHECK_FALSE(troll.header_remote_url);
  CHECK_FALSE(p.on_disk("cache/avatars/" + std::to_string(p.troll.id) + "/original.png"));
  CHECK_FALSE(p.on_disk("cache/headers/" + std::to_string(p.troll.id) + "/original.png"));
  // Attachments stay as links to their origin, as those stored after the block are.
  for (int64_t id : {bad, on_sub}) {
    CHECK(p.count("SELECT count(*) FROM media_attachments WHERE id = " + std::to_string(id) +
                  " AND type = 'unknown' AND file_path IS NULL AND thumbnail_path IS NULL AND blurhash IS NULL"
                  " AND cached = 0 AND remote_url IS NOT NULL") == 1);
  }
  for (const char* file : {"bad/original.png", "bad/small.png", "sub/original.png", "sub/small.png"}) {
    CHECK_FALSE(p.on_disk(std::string("cache/media_attachments/") + file));
  }
  CHECK(p.count("SELECT count(*) FROM custom_emojis WHERE domain LIKE '%bad.example%'") == 0);
  CHECK_FALSE(p.on_disk("cache/custom_emojis/blob/original.png"));
  CHECK_FALSE(p.on_disk("cache/custom_emojis/subblob/original.png"));

  // Another domain keeps everything.
  auto friendly = p.reload(p.friendly.id);
  CHECK(friendly.avatar_file_path);
  CHECK(friendly.header_file_path);
  CHECK(p.count("SELECT count(*) FROM media_attachments WHERE id = " + std::to_string(good) +
                " AND type = 'image' AND file_path IS NOT NULL") == 1);
  CHECK(p.on_disk("cache/media_attachments/good/original.png"));
  CHECK(p.count("SELECT count(*) FROM custom_emojis WHERE shortcode = 'nice'") == 1);
  CHECK(p.on_disk("cache/custom_emojis/nice/original.png"));
}

TEST_CASE("the clear runs a batch per transaction and is finished later from the flag on the block row",
          "[domain_media_clear]") {
  Clear p;
  for (int i = 0; i < 5; ++i) p.attachment(p.troll, "a" + std::to_string(i));
  p.block("bad.example", "silence", true);

  // The command ran one batch of two and was stopped.
  auto first = services::clear_domain_media_batch(p.db, p.media_root, "bad.example", 2);
  CHECK(first.attachments == 2);
  CHECK(first.files == 4);
  CHECK_FALSE(first.finished);
  CHECK(p.count("SELECT count(*) FROM media_attachments WHERE file_path IS NOT NULL") == 3);

  // The server's periodic task leaves a block set moments ago to the command that set it (blocked at 5000)...
  CHECK(services::run_pending_media_clears(p.db, p.media_root, 2, 2, 5000).batches == 0);
  // ...and later goes on a few batches per tick.
  auto tick = services::run_pending_media_clears(p.db, p.media_root, 1, 2, 6000);
  CHECK(tick.batches == 1);
  CHECK_FALSE(tick.finished);
  auto rest = services::run_pending_media_clears(p.db, p.media_root, 0, 2, 6000);
  CHECK(rest.attachments == 1);
  CHECK(rest.finished);
  CHECK(p.count("SELECT count(*) FROM media_attachments WHERE file_path IS NOT NULL OR type != 'unknown'") == 0);
  CHECK(p.pending().empty());
}

TEST_CASE("adding reject_media to a block starts the clear; keeping or lifting it does not", "[domain_media_clear]") {
  Clear p;
  const int64_t id = p.attachment(p.troll, "kept");
  CHECK_FALSE(p.block("bad.example", "silence", false).media_clear_started);
  CHECK(p.pending().empty());
  CHECK(p.block("bad.example", "silence", true).media_clear_started);
  CHECK_FALSE(p.block("bad.example", "suspend", true).media_clear_started);  // rejected media already

  // Lifting reject_media before the clear ran stops it: the copies stay.
  p.block("bad.example", "noop", false);
  auto step = services::clear_domain_media_batch(p.db, p.media_root, "bad.example");
  CHECK(step.finished);
  CHECK(step.batches == 0);
  CHECK(p.count("SELECT count(*) FROM media_attachments WHERE file_path IS NOT NULL AND id = " +
                std::to_string(id)) == 1);
}

TEST_CASE("a file that cannot be deleted is logged and the clear goes on", "[domain_media_clear]") {
  Clear p;
  p.attachment(p.troll, "stuck");
  // A folder where the file was: remove() cannot delete it.
  std::filesystem::remove(p.media_root / "cache/media_attachments/stuck/original.png");
  std::filesystem::create_directories(p.media_root / "cache/media_attachments/stuck/original.png/inside");
  p.block("bad.example", "noop", true);
  auto cleared = services::run_pending_media_clears(p.db, p.media_root);
  CHECK(cleared.finished);
  CHECK(cleared.files == 1);  // the preview
  CHECK(p.count("SELECT count(*) FROM media_attachments WHERE file_path IS NOT NULL") == 0);
}
