#include "services/backup.hpp"

#include <catch2/catch.hpp>
#include <atomic>
#include <functional>
#include <fstream>
#include <thread>

#include "media/media_storage.hpp"
#include "services/service_error.hpp"
#include "store/data_dir_lock.hpp"
#include "store/database_file_copy.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;
namespace fs = std::filesystem;

namespace {

struct Fixture {
  testing::TempDir dir;
  fs::path data_dir = dir.path() / "data";
  store::Database db{store::DatabaseOptions{data_dir / "vmst.db", 2, 2000, 2}};
  media::MediaStorage storage{data_dir / "media"};
  Fixture() { store::apply_migrations(db); }

  int64_t count_rules(const fs::path& file) {
    store::Database copy{store::DatabaseOptions{file, 1, 2000, 2}};
    return copy.read([](store::Connection& c) {
      auto& q = c.prepare("SELECT count(*) FROM instance_rules");
      q.executeStep();
      return q.getColumn(0).getInt64();
    });
  }
  void insert_rule(int64_t id) {
    db.write([&](store::Connection& c) {
      c.exec("INSERT INTO instance_rules (id, text, created_at, updated_at) VALUES (" + std::to_string(id) +
             ", 'rule', 0, 0)");
    });
  }
  int newest() { return store::embedded_migrations().back().version; }
};

services::ServiceError::Kind kind_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const services::ServiceError& e) {
    return e.kind();
  }
  FAIL("no ServiceError");
  return services::ServiceError::Kind::Invalid;
}

}  // namespace

TEST_CASE("a backup taken while another thread writes holds every earlier commit and passes the integrity check",
          "[backup]") {
  Fixture f;
  f.storage.write("media_attachments/1/original.png", "png bytes");
  for (int64_t id = 1; id <= 50; ++id) f.insert_rule(id);
  std::atomic<bool> stop{false};
  std::atomic<int64_t> committed{0};
  std::thread writer([&] {
    for (int64_t id = 1000; !stop; ++id) {
      f.insert_rule(id);
      ++committed;
    }
  });
  while (committed < 20) std::this_thread::yield();
  const int64_t committed_before = committed;
  auto manifest = services::create_backup(f.db, f.data_dir / "media", f.dir.path() / "backup", "1.2.3");
  stop = true;
  writer.join();

  const auto copy = f.dir.path() / "backup" / "vmst.db";
  CHECK(store::integrity_problems(copy).empty());
  CHECK(f.count_rules(copy) >= 50 + committed_before);
  CHECK(manifest.schema_version == f.newest());
  CHECK(manifest.vmst_version == "1.2.3");
  CHECK(manifest.media_files == 1);
  CHECK(fs::exists(f.dir.path() / "backup" / "media" / "media_attachments" / "1" / "original.png"));
  CHECK(fs::exists(f.dir.path() / "backup" / "manifest.json"));
}

TEST_CASE("a backup refuses a folder that is not empty", "[backup]") {
  Fixture f;
  fs::create_directories(f.dir.path() / "full");
  std::ofstream(f.dir.path() / "full" / "something") << "x";
  CHECK(kind_of([&] { services::create_backup(f.db, f.data_dir / "media", f.dir.path() / "full", "1"); }) ==
        services::ServiceError::Kind::Conflict);
  CHECK_FALSE(fs::exists(f.dir.path() / "full" / "vmst.db"));
}

TEST_CASE("a restore goes into an empty data folder, refusing a locked or occupied one", "[backup]") {
  Fixture f;
  for (int64_t id = 1; id <= 3; ++id) f.insert_rule(id);
  f.storage.write("a/b.png", "png");
  services::create_backup(f.db, f.data_dir / "media", f.dir.path() / "backup", "1");

  services::RestoreRequest request{f.dir.path() / "backup", f.dir.path() / "restored", false, f.newest()};
  {
    auto held = store::DataDirLock::try_acquire(request.data_dir);
    CHECK(kind_of([&] { services::restore_backup(request); }) == services::ServiceError::Kind::Conflict);
  }
  auto result = services::restore_backup(request);
  CHECK(result.media_files == 1);
  CHECK(f.count_rules(request.data_dir / "vmst.db") == 3);
  CHECK(fs::exists(request.data_dir / "media" / "a" / "b.png"));

  // Again into the same folder: it holds a database now.
  CHECK(kind_of([&] { services::restore_backup(request); }) == services::ServiceError::Kind::Conflict);
  request.force = true;
  auto forced = services::restore_backup(request);
  REQUIRE(forced.set_aside);
  CHECK(fs::exists(*forced.set_aside / "vmst.db"));
  CHECK(f.count_rules(request.data_dir / "vmst.db") == 3);
}

TEST_CASE("a restore refuses a damaged database, a newer schema and a folder that is not a backup", "[backup]") {
  Fixture f;
  services::create_backup(f.db, f.data_dir / "media", f.dir.path() / "backup", "1");
  const auto target = f.dir.path() / "restored";

  CHECK(kind_of([&] { services::restore_backup({f.dir.path() / "nothing", target, false, f.newest()}); }) ==
        services::ServiceError::Kind::NotFound);
  CHECK(kind_of([&] { services::restore_backup({f.dir.path() / "backup", target, false, f.newest() - 1}); }) ==
        services::ServiceError::Kind::Invalid);

  // Overwrite the middle of the file: pages of tables and indexes no longer agree.
  {
    std::fstream file(f.dir.path() / "backup" / "vmst.db", std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(4096 * 3);
    std::string junk(4096 * 4, '\x5a');
    file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  CHECK(kind_of([&] { services::restore_backup({f.dir.path() / "backup", target, false, f.newest()}); }) ==
        services::ServiceError::Kind::Invalid);
  CHECK_FALSE(fs::exists(target / "vmst.db"));
}
