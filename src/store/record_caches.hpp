#pragma once
// The record caches of one Database (record_cache.hpp says how they stay fresh) and the tables their records are
// read from. Owned by Database; reader connections reach them during a lease (Connection::record_caches).
#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

#include "store/account_store.hpp"
#include "store/record_cache.hpp"
#include "store/status_store.hpp"

namespace vmst::store {

// A row the writer's update hook reported changed, in a table a cached record is read from. (The hook does not report
// WITHOUT ROWID tables; none of these is one.)
struct RowChange {
  enum class Table { Statuses, StatusStats, Accounts, AccountStats, MediaAttachments };
  Table table;
  int64_t rowid;
};

// The table `name` as a RowChange table, if a cached record is read from it.
std::optional<RowChange::Table> cached_table(const char* name);

class RecordCaches {
 private:
  // Declared before the caches, which keep a reference to it.
  std::atomic<uint64_t> generation_{0};

 public:
  // Statuses as find_statuses reads them (statuses + status_stats), keyed by id.
  RecordCache<StatusRecord> statuses{4096, generation_};
  // Accounts as find_accounts_for_display reads them (accounts + account_stats + avatar and header file paths).
  RecordCache<AccountRecord> accounts{2048, generation_};

  // Taken when a reader's lease begins; what it reads is stored only while this has not moved.
  uint64_t generation() const { return generation_.load(); }

  // Drops the records the changed rows are part of. Bumps the generation first (see record_cache.hpp).
  void invalidate(const std::vector<RowChange>& changes);
  // For changes nobody listed: another process's commit, or work on the writer outside write().
  void drop_all();
};

}  // namespace vmst::store
