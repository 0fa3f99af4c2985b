#pragma once
// Every SQLite connection of the process lives here.
//
// Writes are serialised in the process by one writer connection behind writer_mutex_: write() holds the mutex
// for the whole transaction, which it opens with BEGIN IMMEDIATE so that SQLite's file lock is taken up front.
// Another process on the same file (an admin CLI command next to the running server) then waits up to the busy
// timeout for its turn instead of failing on a lock upgrade.
//
// Reads use a small fixed pool of read-only connections (memory grows with connections x page cache, so the pool
// does not grow with HTTP threads); read() borrows one for the duration of the callback, waiting if all are out.
// WAL lets them read while the writer writes.
//
// Callbacks run on the calling thread. A SQLite exception thrown inside one is rethrown as StoreError.
//
// The rows timelines read on every page are cached between reads (record_caches.hpp); the writer's update hook
// lists what each write changed, and write() drops those rows before it returns.
#include <SQLiteCpp/SQLiteCpp.h>

#include <condition_variable>
#include <functional>
#include <utility>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/commit_events.hpp"
#include "store/store_error.hpp"

namespace vmst::store {

class Database;
class RecordCaches;
struct RowChange;

struct DatabaseOptions {
  std::filesystem::path path;
  int reader_connections = 4;
  int busy_timeout_ms = 5000;
  int cache_mib = 8;
};

// One SQLite connection plus its prepared-statement cache. Not thread-safe: owned by one borrower at a time.
class Connection {
 public:
  Connection(const std::filesystem::path& path, int flags, const DatabaseOptions& options);

  // A cached prepared statement, reset and with its bindings cleared.
  SQLite::Statement& prepare(const std::string& sql);
  // Resets every statement prepared since the last call. A statement left mid-result keeps its read
  // transaction open, which would pin an old snapshot on this connection and block WAL checkpoints; Database
  // calls this whenever a connection is handed back.
  void finish_statements();
  // Runs SQL that returns no rows (may hold several statements).
  void exec(const std::string& sql);
  int64_t last_insert_rowid() const;
  int changes() const;
  SQLite::Database& raw() { return db_; }

  // Changes to announce once the current write transaction commits (see commit_events.hpp).
  void record_event(CommitEvent event) { events_.push_back(std::move(event)); }
  std::vector<CommitEvent> take_events() { return std::exchange(events_, {}); }

  // The caches a reader may serve and fill during its lease; null on the writer, whose reads must see its own
  // uncommitted changes. The first call in a lease looks for other processes' commits first (Database), so leases
  // that never touch the cache (most of them) pay nothing for it.
  RecordCaches* record_caches();
  // The cache generation when the lease began, before its first statement took its snapshot (record_cache.hpp).
  uint64_t read_generation() const { return read_generation_; }
  // Database, when a lease begins (with the caches) and ends (with none).
  void begin_lease(Database* owner, RecordCaches* caches, uint64_t generation) {
    lease_owner_ = owner;
    record_caches_ = caches;
    read_generation_ = generation;
    looked_for_other_writers_ = false;
  }

  // Writer only: from now on, lists the rows it changes in tables cached records are read from.
  void watch_row_changes();
  std::vector<RowChange> take_row_changes();

 private:
  static void on_row_change(void* self, int operation, const char* database, const char* table, long long rowid);

  std::vector<CommitEvent> events_;
  Database* lease_owner_ = nullptr;
  RecordCaches* record_caches_ = nullptr;
  uint64_t read_generation_ = 0;
  bool looked_for_other_writers_ = false;
  std::vector<RowChange> row_changes_;
  SQLite::Database db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
  std::vector<SQLite::Statement*> in_use_;
};

class Database {
 public:
  // Creates the file and its folder when missing. Throws StoreError.
  explicit Database(const DatabaseOptions& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs fn(Connection&) in one write transaction, committed when fn returns and rolled back when it throws.
  //
  // After COMMIT, with the writer lock released, the commit listener (if any) hears what changed, on this thread.
  template <class Fn>
  auto write(Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
    using Result = decltype(fn(std::declval<Connection&>()));
    std::vector<CommitEvent> events;
    struct Announce {
      Database& db;
      std::vector<CommitEvent>& events;
      ~Announce() {
        if (!events.empty()) db.announce(std::move(events));
      }
    } announce{*this, events};
    if constexpr (std::is_void_v<Result>) {
      write_locked(std::forward<Fn>(fn), events);
    } else {
      return write_locked(std::forward<Fn>(fn), events);
    }
  }

  using CommitListener = std::function<void(std::vector<CommitEvent>)>;
  // Set once at start-up, before writes begin. The listener must not throw (errors are logged and dropped).
  void set_commit_listener(CommitListener listener) { commit_listener_ = std::move(listener); }

 private:
  template <class Fn>
  auto write_locked(Fn&& fn, std::vector<CommitEvent>& events) -> decltype(fn(std::declval<Connection&>())) {
    WriterLock lock(*this);
    struct Drop {
      Database& db;
      Connection& c;
      std::vector<CommitEvent>& events;
      bool committed = false;
      ~Drop() {
        db.invalidate_changed_rows();
        if (committed) {
          events = c.take_events();
        } else {
          c.take_events();
        }
      }
    } drop{*this, *writer_, events};
    return translate_errors([&]() -> decltype(fn(std::declval<Connection&>())) {
      writer_->exec("BEGIN IMMEDIATE");
      // Holding SQLite's write lock now: no other process can commit until this transaction ends.
      notice_other_writers();
      try {
        if constexpr (std::is_void_v<decltype(fn(std::declval<Connection&>()))>) {
          fn(*writer_);
          writer_->finish_statements();
          writer_->exec("COMMIT");
          drop.committed = true;
        } else {
          auto result = fn(*writer_);
          writer_->finish_statements();
          writer_->exec("COMMIT");
          drop.committed = true;
          return result;
        }
      } catch (...) {
        writer_->finish_statements();
        rollback_quietly();
        throw;
      }
    });
  }

 public:
  // Runs fn(Connection&) on a borrowed read-only connection. Several statements in fn see one snapshot only if fn
  // opens a transaction itself; single statements always see a consistent state.
  template <class Fn>
  auto read(Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
    ReaderLease lease(*this);
    return translate_errors([&]() -> decltype(fn(std::declval<Connection&>())) { return fn(*lease.connection); });
  }

  // Runs fn on the writer connection outside any transaction, for work that manages its own (migrations).
  template <class Fn>
  auto with_writer(Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
    WriterLock lock(*this);
    struct Finish {
      Database& db;
      Connection& c;
      ~Finish() {
        c.finish_statements();
        db.drop_cached_records();
      }
    } finish{*this, *writer_};
    return translate_errors([&]() -> decltype(fn(std::declval<Connection&>())) { return fn(*writer_); });
  }

  const std::filesystem::path& path() const { return options_.path; }
  // For tests and diagnostics; the store's readers use them through their lease.
  RecordCaches& record_caches() { return *record_caches_; }

  // If another process committed since the writer last looked, drops every cached record. Asks the writer
  // connection when nobody holds it; when somebody does, that write looks at its start, so nothing is missed for
  // long. A no-op on the thread holding the writer (a read inside a write), which looked when its write began.
  void notice_other_writers_if_idle() noexcept;

 private:
  struct ReaderLease {
    explicit ReaderLease(Database& db);
    ~ReaderLease();
    void borrow();
    Database& db;
    Connection* connection;
  };

  template <class Fn>
  static auto translate_errors(Fn&& fn) -> decltype(fn()) {
    try {
      return fn();
    } catch (const SQLite::Exception& e) {
      throw_store_error(e);
    }
  }
  [[noreturn]] static void throw_store_error(const SQLite::Exception& e);
  void announce(std::vector<CommitEvent> events) noexcept;
  // With writer_mutex_ held. Drops the cached records the writer's rows changed.
  void invalidate_changed_rows() noexcept;
  void drop_cached_records() noexcept;
  // With writer_mutex_ held: if another process committed since the writer last looked (PRAGMA data_version, which
  // our own commits do not move), drops every cached record.
  void notice_other_writers() noexcept;

  // writer_mutex_, remembering on the thread whose writer it holds.
  static thread_local const Database* writer_held_;
  struct WriterLock {
    explicit WriterLock(Database& db) : lock(db.writer_mutex_) { writer_held_ = &db; }
    ~WriterLock() { writer_held_ = nullptr; }
    std::lock_guard<std::mutex> lock;
  };
  void rollback_quietly();

  DatabaseOptions options_;
  CommitListener commit_listener_;
  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;
  int64_t writer_data_version_ = 0;  // under writer_mutex_
  std::unique_ptr<RecordCaches> record_caches_;

  std::mutex readers_mutex_;
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> idle_readers_;
};

}  // namespace vmst::store
