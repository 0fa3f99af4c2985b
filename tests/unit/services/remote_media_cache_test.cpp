#include "services/remote_media_cache.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "media/content_detection.hpp"
#include "media/image_fixtures.hpp"
#include "store/account_store.hpp"
#include "store/domain_block_store.hpp"
#include "store/ids.hpp"
#include "store/media_store.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;
using services::CopyOutcome;
using services::RemoteMediaJob;

namespace {

// The origin server: a picture, a page that is not one, and a count of every request it answered.
struct Origin {
  httplib::Server server;
  int port = 0;
  std::atomic<int> requests{0};
  std::thread thread;
  Origin() {
    server.Get("/files/photo.png", [this](const httplib::Request&, httplib::Response& res) {
      ++requests;
      res.set_content(testing::kPng3x2, "image/png");
    });
    server.Get("/files/page.png", [this](const httplib::Request&, httplib::Response& res) {
      ++requests;
      res.set_content("<html><script>alert(1)</script></html>", "image/png");  // lies about its type
    });
    server.Get("/files/broken.png", [this](const httplib::Request&, httplib::Response& res) {
      ++requests;
      res.status = 503;
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~Origin() {
    server.stop();
    thread.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port) + path; }
};

struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  media::MediaStorage storage{dir.path() / "media"};
  Origin origin;
  services::RemoteMediaEnv env{db, storage, net::NetPolicy{true, true, "vmst-test"},
                               services::RemoteMediaLimits{1 << 20, 1 << 20, 1 << 20, 33177600, 5}};
  Fixture() {
    store::apply_migrations(db);
    exec("INSERT INTO accounts (id, username, domain, uri, created_at, updated_at) VALUES"
         " (2, 'far', 'remote.example', 'https://remote.example/users/far', 0, 0)");
  }
  void exec(const std::string& sql) {
    db.write([&](store::Connection& c) { c.exec(sql); });
  }
  int64_t remote_attachment(const std::string& url, const std::string& type = "image") {
    store::MediaRecord m;
    m.id = store::next_id();
    m.account_id = 2;
    m.type = type;
    m.remote_url = url;
    m.blurhash = std::nullopt;
    m.created_at = m.updated_at = 1;
    db.write([&](store::Connection& c) { store::insert_media(c, m); });
    return m.id;
  }
  store::MediaRecord media(int64_t id) {
    return *db.read([&](store::Connection& c) { return store::find_media(c, id); });
  }
  void block(const std::string& domain, const std::string& severity, bool reject_media) {
    store::DomainBlockRecord b;
    b.id = store::next_id();
    b.domain = domain;
    b.severity = severity;
    b.reject_media = reject_media;
    db.write([&](store::Connection& c) { store::upsert_domain_block(c, b); });
  }
  std::string read(const std::string& relative) {
    std::ifstream in(*storage.resolve(relative), std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  bool cache_folder_empty() {
    std::error_code ec;
    return !std::filesystem::exists(storage.root() / "cache", ec) ||
           std::filesystem::recursive_directory_iterator(storage.root() / "cache") ==
               std::filesystem::recursive_directory_iterator();
  }
};

}  // namespace

TEST_CASE("a remote picture is copied under cache/, re-encoded, with its real size and a blurhash",
          "[remote_media_cache]") {
  Fixture f;
  const int64_t id = f.remote_attachment(f.origin.url("/files/photo.png"), "video");  // the origin said video
  auto result = services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, id});
  REQUIRE(result.outcome == CopyOutcome::Copied);
  auto m = f.media(id);
  REQUIRE(m.file_path);
  CHECK(m.file_path->starts_with("cache/media_attachments/" + std::to_string(id) + "/"));
  CHECK(m.file_path->size() > std::string("cache/media_attachments//x/original.png").size() + 20);  // random part
  CHECK(m.type == "image");  // from the content
  CHECK(m.file_content_type == "image/png");
  CHECK(media::detect_mime_type(f.read(*m.file_path)) == "image/png");
  CHECK(m.blurhash);
  auto meta = nlohmann::json::parse(m.meta_json);
  CHECK(meta["original"]["width"] == 3);
  CHECK(meta["original"]["height"] == 2);
  CHECK(m.remote_url == f.origin.url("/files/photo.png"));
  CHECK(f.db.read([&](store::Connection& c) {
    return c.prepare("SELECT 1 FROM media_attachments WHERE cached = 1 AND id = " + std::to_string(id)).executeStep();
  }));

  // Copied once: asking again fetches nothing.
  const int requests = f.origin.requests;
  CHECK(services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, id}).outcome ==
        CopyOutcome::AlreadyCopied);
  CHECK(f.origin.requests == requests);
}

TEST_CASE("what is not media, or too large, is refused and nothing is stored", "[remote_media_cache]") {
  Fixture f;
  const int64_t page = f.remote_attachment(f.origin.url("/files/page.png"));
  auto result = services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, page});
  CHECK(result.outcome == CopyOutcome::Refused);
  CHECK(result.reason.find("is not media") != std::string::npos);
  CHECK_FALSE(f.media(page).file_path);

  f.env.limits.image_size_limit = 20;  // the picture is 78 bytes
  const int64_t big = f.remote_attachment(f.origin.url("/files/photo.png"));
  CHECK(services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, big}).outcome == CopyOutcome::Refused);
  CHECK_FALSE(f.media(big).file_path);
  CHECK(f.cache_folder_empty());
}

TEST_CASE("a URL that just failed is not fetched again before its back-off ends; a success forgets it",
          "[remote_media_cache]") {
  Fixture f;
  services::RecentFetchFailures failures;
  f.env.failures = &failures;
  const int64_t broken = f.remote_attachment(f.origin.url("/files/broken.png"));
  const int64_t page = f.remote_attachment(f.origin.url("/files/page.png"));
  CHECK(services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, broken}).outcome ==
        CopyOutcome::Failed);
  CHECK(services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, page}).outcome ==
        CopyOutcome::Refused);
  CHECK(f.origin.requests == 2);

  // Asked again at once (another job, a client at /media_proxy): the origin is left alone.
  auto again = services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, broken});
  CHECK(again.outcome == CopyOutcome::Failed);
  CHECK(again.reason.find("back-off") != std::string::npos);
  CHECK(services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, page}).outcome == CopyOutcome::Failed);
  CHECK(f.origin.requests == 2);
  CHECK(failures.backing_off(f.origin.url("/files/broken.png")));

  // Once the back-off is over (here: its failure dates from two minutes ago) the file is fetched, and a success
  // clears the record.
  const std::string photo = f.origin.url("/files/photo.png");
  failures.record_failure(photo, services::RecentFetchFailures::Clock::now() - std::chrono::minutes(2));
  const int64_t id = f.remote_attachment(photo);
  CHECK(services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, id}).outcome == CopyOutcome::Copied);
  CHECK(f.origin.requests == 3);
  CHECK(failures.size() == 2);  // the two failing URLs only
}

TEST_CASE("nothing is fetched for a reject_media domain or a suspended one", "[remote_media_cache]") {
  Fixture f;
  const int64_t id = f.remote_attachment(f.origin.url("/files/photo.png"));

  f.block("remote.example", "noop", /*reject_media=*/true);  // the author's server
  auto rejected = services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, id});
  CHECK(rejected.outcome == CopyOutcome::Refused);
  CHECK(rejected.reason == "remote.example is blocked with reject_media");
  f.exec("DELETE FROM domain_blocks");

  f.block("127.0.0.1", "suspend", false);  // the server holding the file
  CHECK(services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, id}).outcome == CopyOutcome::Refused);
  f.exec("DELETE FROM domain_blocks");
  f.block("example", "suspend", false);  // a parent domain of the author's
  CHECK(services::copy_remote_media(f.env, {RemoteMediaJob::Kind::Attachment, id}).outcome == CopyOutcome::Refused);

  CHECK(f.origin.requests == 0);
  CHECK_FALSE(f.media(id).file_path);
  CHECK(f.cache_folder_empty());
}

TEST_CASE("a remote avatar is copied at 400x400 and shown until the actor changes it", "[remote_media_cache]") {
  Fixture f;
  const std::string url = f.origin.url("/files/photo.png");
  f.db.write([&](store::Connection& c) {
    auto& q = c.prepare("UPDATE accounts SET avatar_remote_url = ? WHERE id = 2");
    q.bind(1, url);
    q.exec();
  });
  auto account_of = [&] { return *f.db.read([](store::Connection& c) { return store::find_account(c, 2); }); };
  auto jobs = services::uncached_profile_images(account_of());
  REQUIRE(jobs == std::vector<RemoteMediaJob>{{RemoteMediaJob::Kind::Avatar, 2}});
  CHECK(services::copy_remote_media(f.env, jobs[0]).outcome == CopyOutcome::Copied);
  auto account = *f.db.read([](store::Connection& c) { return store::find_account(c, 2); });
  REQUIRE(account.avatar_file_path);
  CHECK(account.avatar_file_path->starts_with("cache/avatars/"));
  auto meta = nlohmann::json::parse(f.media(*account.avatar_media_id).meta_json);
  CHECK(meta["original"]["width"] == 400);
  CHECK(meta["original"]["height"] == 400);
  CHECK(services::uncached_profile_images(account_of()).empty());

  // The actor shows another picture: the copy of the old one is no longer its avatar.
  store::RemoteAccountRow row;
  row.uri = "https://remote.example/users/far";
  row.username = "far";
  row.domain = "remote.example";
  row.actor_type = "Person";
  row.avatar_remote_url = f.origin.url("/files/other.png");
  f.db.write([&](store::Connection& c) { return store::upsert_remote_account(c, row, store::next_id()); });
  account = *f.db.read([](store::Connection& c) { return store::find_account(c, 2); });
  CHECK_FALSE(account.avatar_file_path);
  CHECK(services::uncached_profile_images(account_of()) ==
        std::vector<RemoteMediaJob>{{RemoteMediaJob::Kind::Avatar, 2}});
}

TEST_CASE("the media proxy shows only attachments of public and unlisted statuses", "[remote_media_cache]") {
  Fixture f;
  const int64_t loose = f.remote_attachment(f.origin.url("/files/photo.png"));
  CHECK_FALSE(services::publicly_proxied_media(f.db, loose));  // no status
  f.exec("INSERT INTO statuses (id, account_id, uri, visibility, created_at, updated_at) VALUES"
         " (50, 2, 'https://remote.example/notes/1', 'public', 1, 1),"
         " (51, 2, 'https://remote.example/notes/2', 'private', 1, 1)");
  f.exec("UPDATE media_attachments SET status_id = 50 WHERE id = " + std::to_string(loose));
  CHECK(services::publicly_proxied_media(f.db, loose));
  f.exec("UPDATE media_attachments SET status_id = 51 WHERE id = " + std::to_string(loose));
  CHECK_FALSE(services::publicly_proxied_media(f.db, loose));
}
