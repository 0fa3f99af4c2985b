#include "store/migrations.hpp"

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using namespace vmst::store;

namespace {
DatabaseOptions options_in(const vmst::testing::TempDir& dir) { return DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}; }

bool table_exists(Database& db, const std::string& name) {
  return db.read([&](Connection& c) {
    auto& q = c.prepare("SELECT 1 FROM sqlite_master WHERE name = ?");
    q.bind(1, name);
    return q.executeStep();
  });
}
}  // namespace

TEST_CASE("the embedded migrations are numbered from 1 without gaps", "[migrations]") {
  const auto& migrations = embedded_migrations();
  REQUIRE_FALSE(migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) {
    CHECK(migrations[i].version == static_cast<int>(i) + 1);
    CHECK_FALSE(migrations[i].sql.empty());
  }
  CHECK(migrations.front().name == "initial");
}

TEST_CASE("an empty database gets every migration, and the whole product's tables", "[migrations]") {
  vmst::testing::TempDir dir;
  Database db(options_in(dir));
  CHECK(apply_migrations(db) == static_cast<int>(embedded_migrations().size()));
  for (const char* table : {"accounts", "users", "statuses", "status_edits", "mentions", "tags", "follows",
                            "follow_requests", "favourites", "bookmarks", "status_pins", "blocks", "mutes",
                            "notifications", "media_attachments", "custom_emojis", "domain_blocks",
                            "oauth_applications", "oauth_authorization_codes", "oauth_access_tokens", "delivery_jobs",
                            "instances", "reports", "instance_settings", "instance_pages", "statuses_fts"}) {
    INFO(table);
    CHECK(table_exists(db, table));
  }
  for (const auto& state : migration_status(db)) CHECK(state.applied_at.has_value());
}

TEST_CASE("an up-to-date database gets no migration and keeps its data", "[migrations]") {
  vmst::testing::TempDir dir;
  {
    Database db(options_in(dir));
    apply_migrations(db);
    db.write([](Connection& c) { c.exec("INSERT INTO counters (name, value) VALUES ('x', 7)"); });
  }
  Database db(options_in(dir));
  CHECK(apply_migrations(db) == 0);
  CHECK(db.read([](Connection& c) {
    auto& q = c.prepare("SELECT value FROM counters WHERE name = 'x'");
    q.executeStep();
    return q.getColumn(0).getInt();
  }) == 7);
}

TEST_CASE("only pending migrations run, in order", "[migrations]") {
  vmst::testing::TempDir dir;
  Database db(options_in(dir));
  std::vector<Migration> first = {{1, "one", "CREATE TABLE a (x INTEGER)"}};
  std::vector<Migration> both = {{1, "one", "CREATE TABLE a (x INTEGER)"}, {2, "two", "ALTER TABLE a ADD COLUMN y TEXT"}};
  CHECK(apply_migrations(db, first) == 1);
  auto status = migration_status(db, both);
  REQUIRE(status.size() == 2);
  CHECK(status[0].applied_at.has_value());
  CHECK_FALSE(status[1].applied_at.has_value());
  CHECK_THROWS_AS(require_current_schema(db, both), StoreError);
  CHECK(apply_migrations(db, both) == 1);
  CHECK_NOTHROW(require_current_schema(db, both));
}

TEST_CASE("a failing migration leaves nothing behind", "[migrations]") {
  vmst::testing::TempDir dir;
  Database db(options_in(dir));
  std::vector<Migration> broken = {{1, "broken", "CREATE TABLE half (x INTEGER); THIS IS NOT SQL;"}};
  CHECK_THROWS_AS(apply_migrations(db, broken), StoreError);
  CHECK_FALSE(table_exists(db, "half"));
  CHECK_FALSE(migration_status(db, broken)[0].applied_at.has_value());
}

TEST_CASE("a database migrated by a newer vmst is refused", "[migrations]") {
  vmst::testing::TempDir dir;
  Database db(options_in(dir));
  std::vector<Migration> newer = {{1, "one", "CREATE TABLE a (x INTEGER)"}, {2, "two", "CREATE TABLE b (x INTEGER)"}};
  std::vector<Migration> older = {{1, "one", "CREATE TABLE a (x INTEGER)"}};
  apply_migrations(db, newer);
  try {
    apply_migrations(db, older);
    FAIL("expected the newer database to be refused");
  } catch (const StoreError& e) {
    CHECK(e.kind() == StoreError::Kind::SchemaTooNew);
    CHECK(std::string(e.what()).find("schema version 2") != std::string::npos);
  }
  CHECK_THROWS_AS(require_current_schema(db, older), StoreError);
}
