#include "store/database_file_copy.hpp"

#include <sqlite3.h>

#include <algorithm>

namespace vmst::store {

namespace {

[[noreturn]] void fail(const std::string& message) { throw StoreError(StoreError::Kind::Internal, message); }

template <class Fn>
auto on_file(const std::filesystem::path& file, int flags, Fn&& fn) {
  try {
    SQLite::Database db(file.string(), flags);
    return fn(db);
  } catch (const SQLite::Exception& e) {
    fail(file.string() + ": " + e.what());
  }
}

int max_version(SQLite::Database& db) {
  if (!db.tableExists("schema_migrations")) return 0;
  return db.execAndGet("SELECT coalesce(max(version), 0) FROM schema_migrations").getInt();
}

}  // namespace

void copy_database_online(Connection& source, const std::filesystem::path& target) {
  on_file(target, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, [&](SQLite::Database& copy) {
    sqlite3_backup* backup = sqlite3_backup_init(copy.getHandle(), "main", source.raw().getHandle(), "main");
    if (!backup) fail("cannot start the backup: " + std::string(sqlite3_errmsg(copy.getHandle())));
    // -1: every page in one step, under one read transaction on the source. Copying in slices would restart
    // whenever another process writes, which a busy server does all the time.
    int step = SQLITE_OK;
    do {
      step = sqlite3_backup_step(backup, -1);
      if (step == SQLITE_BUSY || step == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED);
    int finished = sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE) fail("the backup failed: " + std::string(sqlite3_errstr(step)));
    if (finished != SQLITE_OK) fail("the backup failed: " + std::string(sqlite3_errmsg(copy.getHandle())));
    // A single file is easier to move around than a database with its WAL: go back to a rollback journal.
    copy.exec("PRAGMA journal_mode = DELETE");
  });
}

std::vector<std::string> integrity_problems(const std::filesystem::path& file, int limit) {
  return on_file(file, SQLite::OPEN_READONLY, [&](SQLite::Database& db) {
    SQLite::Statement q(db, "PRAGMA integrity_check(" + std::to_string(limit) + ")");
    std::vector<std::string> problems;
    while (q.executeStep()) {
      std::string line = q.getColumn(0).getString();
      std::replace(line.begin(), line.end(), '\n', ' ');  // SQLite puts "*** in database main ***" on a line of its own
      if (line != "ok") problems.push_back(line);
    }
    return problems;
  });
}

int recorded_schema_version(Connection& c) { return max_version(c.raw()); }

int recorded_schema_version(const std::filesystem::path& file) {
  return on_file(file, SQLite::OPEN_READONLY, [](SQLite::Database& db) { return max_version(db); });
}

}  // namespace vmst::store
