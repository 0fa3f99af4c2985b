#include "store/database.hpp"

#include <spdlog/spdlog.h>

#include <sqlite3.h>

#include <algorithm>
#include <mutex>

#include "store/record_caches.hpp"

namespace vmst::store {

namespace {

// SQLite keeps allocation statistics by default, taking one process-wide mutex on every allocation. Nothing here
// reads them, and with several reader connections busy that mutex was a measurable share of a timeline request.
// It can only be switched off before SQLite initialises, so this runs before the first connection opens.
int without_memory_statistics(int flags) {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  return flags;
}

}  // namespace

// NOMUTEX: a Connection is only ever used by one thread at a time (the writer under writer_mutex_, a reader while
// one lease holds it), so SQLite's own per-call connection mutex is pure cost: it was taken for every column read.
Connection::Connection(const std::filesystem::path& path, int flags, const DatabaseOptions& options)
    : db_(path.string(), without_memory_statistics(flags) | SQLITE_OPEN_NOMUTEX, options.busy_timeout_ms) {
  // WAL and synchronous=NORMAL: durable at each checkpoint, and a commit costs no fsync of the main file.
  if ((flags & SQLite::OPEN_READWRITE) != 0) {
    db_.exec("PRAGMA journal_mode = WAL");
  }
  db_.exec("PRAGMA synchronous = NORMAL");
  db_.exec("PRAGMA foreign_keys = ON");
  db_.exec("PRAGMA cache_size = " + std::to_string(-1024 * options.cache_mib));
  db_.exec("PRAGMA temp_store = MEMORY");
}

SQLite::Statement& Connection::prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    it = statements_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
  } else {
    it->second->reset();
    it->second->clearBindings();
  }
  if (std::find(in_use_.begin(), in_use_.end(), it->second.get()) == in_use_.end()) in_use_.push_back(it->second.get());
  return *it->second;
}

void Connection::finish_statements() {
  for (auto* statement : in_use_) {
    try {
      statement->reset();
    } catch (const SQLite::Exception&) {
      // reset() reports the statement's last error again; it is reset regardless.
    }
  }
  in_use_.clear();
}

void Connection::exec(const std::string& sql) { db_.exec(sql); }

int64_t Connection::last_insert_rowid() const { return db_.getLastInsertRowid(); }

int Connection::changes() const { return db_.getChanges(); }

RecordCaches* Connection::record_caches() {
  if (record_caches_ != nullptr && !looked_for_other_writers_) {
    looked_for_other_writers_ = true;
    lease_owner_->notice_other_writers_if_idle();
  }
  return record_caches_;
}

void Connection::watch_row_changes() { sqlite3_update_hook(db_.getHandle(), &Connection::on_row_change, this); }

std::vector<RowChange> Connection::take_row_changes() { return std::exchange(row_changes_, {}); }

void Connection::on_row_change(void* self, int, const char*, const char* table, long long rowid) {
  if (auto kind = cached_table(table)) static_cast<Connection*>(self)->row_changes_.push_back({*kind, rowid});
}

Database::Database(const DatabaseOptions& options) : options_(options) {
  std::error_code ec;
  if (options.path.has_parent_path()) {
    std::filesystem::create_directories(options.path.parent_path(), ec);
    if (ec) {
      throw StoreError(StoreError::Kind::Internal,
                       "cannot create the data directory " + options.path.parent_path().string() + ": " + ec.message());
    }
  }
  translate_errors([&] {
    writer_ = std::make_unique<Connection>(options.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, options);
  });
  record_caches_ = std::make_unique<RecordCaches>();
  writer_->watch_row_changes();
  WriterLock lock(*this);
  notice_other_writers();
}

Database::~Database() = default;

Database::ReaderLease::ReaderLease(Database& database) : db(database), connection(nullptr) {
  borrow();
  connection->begin_lease(&db, db.record_caches_.get(), db.record_caches_->generation());
}

void Database::ReaderLease::borrow() {
  std::unique_lock lock(db.readers_mutex_);
  for (;;) {
    if (!db.idle_readers_.empty()) {
      connection = db.idle_readers_.back();
      db.idle_readers_.pop_back();
      return;
    }
    // Opened lazily: a CLI command that reads once needs one connection, not the whole pool.
    if (db.readers_.size() < static_cast<size_t>(db.options_.reader_connections)) {
      lock.unlock();
      std::unique_ptr<Connection> opened;
      translate_errors([&] { opened = std::make_unique<Connection>(db.options_.path, SQLite::OPEN_READONLY, db.options_); });
      lock.lock();
      connection = opened.get();
      db.readers_.push_back(std::move(opened));
      return;
    }
    db.reader_returned_.wait(lock);
  }
}

Database::ReaderLease::~ReaderLease() {
  connection->finish_statements();
  connection->begin_lease(nullptr, nullptr, 0);
  {
    std::lock_guard lock(db.readers_mutex_);
    db.idle_readers_.push_back(connection);
  }
  db.reader_returned_.notify_one();
}

void Database::throw_store_error(const SQLite::Exception& e) {
  const int code = e.getExtendedErrorCode();
  StoreError::Kind kind = StoreError::Kind::Internal;
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    kind = StoreError::Kind::Conflict;
  } else if ((code & 0xff) == SQLITE_CONSTRAINT) {
    kind = StoreError::Kind::Constraint;
  } else if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
    kind = StoreError::Kind::Busy;
  }
  throw StoreError(kind, e.what());
}

void Database::rollback_quietly() {
  // SQLite rolls back by itself on some errors; only roll back a transaction that is still open.
  if (sqlite3_get_autocommit(writer_->raw().getHandle()) != 0) return;
  try {
    writer_->exec("ROLLBACK");
  } catch (...) {
  }
}

void Database::invalidate_changed_rows() noexcept { record_caches_->invalidate(writer_->take_row_changes()); }

void Database::drop_cached_records() noexcept {
  writer_->take_row_changes();
  record_caches_->drop_all();
}

void Database::notice_other_writers() noexcept {
  try {
    auto& q = writer_->prepare("PRAGMA data_version");
    q.executeStep();
    const int64_t version = q.getColumn(0).getInt64();
    q.reset();
    if (version == writer_data_version_) return;
    writer_data_version_ = version;
  } catch (const std::exception& e) {
    spdlog::warn("could not read PRAGMA data_version: {}", e.what());
  }
  record_caches_->drop_all();
}

thread_local const Database* Database::writer_held_ = nullptr;

void Database::notice_other_writers_if_idle() noexcept {
  if (writer_held_ == this) return;
  std::unique_lock lock(writer_mutex_, std::try_to_lock);
  if (lock.owns_lock()) notice_other_writers();
}

void Database::announce(std::vector<CommitEvent> events) noexcept {
  if (!commit_listener_) return;
  try {
    commit_listener_(std::move(events));
  } catch (const std::exception& e) {
    spdlog::warn("commit listener failed: {}", e.what());
  } catch (...) {
    spdlog::warn("commit listener failed");
  }
}

}  // namespace vmst::store
