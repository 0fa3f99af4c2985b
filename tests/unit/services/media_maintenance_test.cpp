#include "services/media_maintenance.hpp"

#include <catch2/catch.hpp>

#include "store/ids.hpp"
#include "store/media_store.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;

namespace {

constexpr int64_t kDay = 86'400'000;
constexpr int64_t kNow = 1'800'000'000'000;

struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  media::MediaStorage storage{dir.path() / "media"};
  Fixture() {
    store::apply_migrations(db);
    exec("INSERT INTO accounts (id, username, domain, uri, private_key_pem, created_at, updated_at) VALUES"
         " (1, 'local', NULL, 'https://social.example/users/local', 'key', 0, 0),"
         " (2, 'far', 'remote.example', 'https://remote.example/users/far', NULL, 0, 0)");
  }
  void exec(const std::string& sql) {
    db.write([&](store::Connection& c) { c.exec(sql); });
  }
  // An attachment with a file of `bytes` bytes, created `age` ago.
  int64_t attachment(int64_t account, int64_t age, size_t bytes, bool remote) {
    store::MediaRecord m;
    m.id = store::next_id();
    m.account_id = account;
    m.type = "image";
    m.file_path = "media_attachments/" + std::to_string(m.id) + "/original.png";
    if (remote) m.remote_url = "https://remote.example/files/" + std::to_string(m.id) + ".png";
    m.created_at = m.updated_at = kNow - age;
    storage.write(*m.file_path, std::string(bytes, 'x'));
    db.write([&](store::Connection& c) { store::insert_media(c, m); });
    return m.id;
  }
  std::optional<std::string> file_path(int64_t id) {
    return db.read([&](store::Connection& c) { return store::find_media(c, id)->file_path; });
  }
};

}  // namespace

TEST_CASE("pruning drops only old cached remote media, never local uploads or profile images", "[media_maintenance]") {
  Fixture f;
  int64_t old_remote = f.attachment(2, 10 * kDay, 100, true);
  int64_t new_remote = f.attachment(2, 1 * kDay, 200, true);
  int64_t old_local = f.attachment(1, 30 * kDay, 400, false);
  int64_t old_remote_avatar = f.attachment(2, 30 * kDay, 800, true);
  f.exec("UPDATE accounts SET avatar_media_id = " + std::to_string(old_remote_avatar) + " WHERE id = 2");
  auto old_path = *f.file_path(old_remote);

  auto dry = services::prune_remote_media(f.db, f.storage, kNow - 7 * kDay, /*dry_run=*/true);
  CHECK(dry.attachments == 1);
  CHECK(dry.bytes == 100);
  CHECK(f.file_path(old_remote));
  CHECK(f.storage.resolve(old_path));

  auto done = services::prune_remote_media(f.db, f.storage, kNow - 7 * kDay, /*dry_run=*/false);
  CHECK(done.attachments == 1);
  CHECK(done.files == 1);
  CHECK(done.bytes == 100);
  CHECK_FALSE(f.file_path(old_remote));
  CHECK_FALSE(f.storage.resolve(old_path));
  CHECK(f.file_path(new_remote));
  CHECK(f.file_path(old_local));
  CHECK(f.file_path(old_remote_avatar));
  // Nothing left to do.
  CHECK(services::prune_remote_media(f.db, f.storage, kNow - 7 * kDay, false).attachments == 0);
}

TEST_CASE("usage counts files and bytes by use, and what no row points at", "[media_maintenance]") {
  Fixture f;
  f.attachment(1, 0, 10, false);
  f.attachment(1, 0, 20, false);
  f.attachment(2, 0, 40, true);
  int64_t avatar = f.attachment(1, 0, 80, false);
  f.exec("UPDATE accounts SET avatar_media_id = " + std::to_string(avatar) + " WHERE id = 1");
  f.exec("INSERT INTO custom_emojis (shortcode, image_path, created_at, updated_at) VALUES"
         " ('blob', 'custom_emojis/blob.png', 0, 0), ('gone', 'custom_emojis/gone.png', 0, 0)");
  f.storage.write("custom_emojis/blob.png", std::string(160, 'x'));
  f.storage.write("stray/file.bin", std::string(320, 'x'));

  auto usage = services::media_usage(f.db, f.storage);
  CHECK(usage.local_attachments.files == 2);
  CHECK(usage.local_attachments.bytes == 30);
  CHECK(usage.remote_cache.files == 1);
  CHECK(usage.remote_cache.bytes == 40);
  CHECK(usage.profile_images.files == 1);
  CHECK(usage.profile_images.bytes == 80);
  CHECK(usage.custom_emoji.files == 1);
  CHECK(usage.custom_emoji.bytes == 160);
  CHECK(usage.unreferenced.files == 1);
  CHECK(usage.unreferenced.bytes == 320);
  CHECK(usage.missing_files == 1);
  CHECK(usage.total.files == 6);
  CHECK(usage.total.bytes == 630);
}

TEST_CASE("copies of remote avatars and emoji count as remote cache, not as this server's own",
          "[media_maintenance]") {
  Fixture f;
  int64_t remote_avatar = f.attachment(2, 0, 40, true);
  f.exec("UPDATE accounts SET avatar_media_id = " + std::to_string(remote_avatar) + " WHERE id = 2");
  f.exec("INSERT INTO custom_emojis (shortcode, domain, image_path, image_remote_url, created_at, updated_at) VALUES"
         " ('far', 'remote.example', 'cache/custom_emojis/far.png', 'https://remote.example/far.png', 0, 0)");
  f.storage.write("cache/custom_emojis/far.png", std::string(160, 'x'));

  auto usage = services::media_usage(f.db, f.storage);
  CHECK(usage.remote_cache.files == 2);
  CHECK(usage.remote_cache.bytes == 200);
  CHECK(usage.profile_images.files == 0);
  CHECK(usage.custom_emoji.files == 0);
}
