#pragma once
// The rows every timeline page reads again (statuses with their counts, accounts with theirs), kept in memory between
// requests: decoding those wide rows was the largest share of SQLite's time on a page.
//
// A cached row is never served stale after the write that changed it has returned:
// - The writer connection's update hook reports (table, rowid) for every row it changes; Database::write hands them
//   to invalidate() after the transaction ends and before write() returns (before commit listeners run, too).
// - invalidate() bumps the generation first, then drops the rows. A reader stores what it read only if the generation
//   is still the one it saw when its lease began (checked under the shard's lock), so a row read before a commit
//   cannot be stored after that commit's invalidation.
// - The hook does not see other processes (the admin CLI writing the same file). Database notices their commits from
//   PRAGMA data_version on the writer connection, which changes only for commits by other connections (our readers
//   never write), and then drops everything.
// Only reader connections use the cache: the writer sees its own uncommitted changes, which a cached row would hide.
//
// Bounded by entry count: a full shard is emptied rather than kept in recency order, which costs a few queries
// once in a while instead of list upkeep on every hit. Safe to use from many threads.
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace vmst::store {

template <class Record>
class RecordCache {
 public:
  // `generation` is bumped by whoever invalidates (RecordCaches::invalidate) before it erases anything.
  RecordCache(size_t max_entries, const std::atomic<uint64_t>& generation)
      : generation_(generation), max_shard_entries_(max_entries / kShards + 1) {}
  RecordCache(const RecordCache&) = delete;
  RecordCache& operator=(const RecordCache&) = delete;

  // Appends copies of the cached records among `ids` to `found`, and the other ids to `missing`.
  void lookup(const std::vector<int64_t>& ids, std::vector<Record>& found, std::vector<int64_t>& missing) {
    for (int64_t id : ids) {
      auto& shard = shard_of(id);
      std::lock_guard lock(shard.mutex);
      auto it = shard.rows.find(id);
      if (it == shard.rows.end()) {
        missing.push_back(id);
      } else {
        found.push_back(it->second);
      }
    }
  }

  // Stores `record` if nothing was invalidated since the generation was `read_generation`.
  void store(const Record& record, uint64_t read_generation) {
    auto& shard = shard_of(record.id);
    std::lock_guard lock(shard.mutex);
    if (generation_.load() != read_generation) return;
    if (shard.rows.size() >= max_shard_entries_) shard.rows.clear();
    shard.rows.insert_or_assign(record.id, record);
  }

  void erase(int64_t id) {
    auto& shard = shard_of(id);
    std::lock_guard lock(shard.mutex);
    shard.rows.erase(id);
  }

  void clear() {
    for (auto& shard : shards_) {
      std::lock_guard lock(shard.mutex);
      shard.rows.clear();
    }
  }

  size_t size() {
    size_t n = 0;
    for (auto& shard : shards_) {
      std::lock_guard lock(shard.mutex);
      n += shard.rows.size();
    }
    return n;
  }

 private:
  struct Shard {
    std::mutex mutex;
    std::unordered_map<int64_t, Record> rows;
  };
  // Sharded by id so the HTTP pool's threads rarely wait on each other.
  static constexpr size_t kShards = 16;
  Shard& shard_of(int64_t id) { return shards_[static_cast<uint64_t>(id) * 0x9e3779b97f4a7c15ULL >> 60]; }

  const std::atomic<uint64_t>& generation_;
  size_t max_shard_entries_;
  std::array<Shard, kShards> shards_;
};

// The records with `ids` (those that exist), from `cache` where it has them. `query(wanted, out)` appends the
// records among `wanted` to `out`; what it reads is stored unless an invalidation happened since the generation was
// `read_generation` (taken before the reading transaction's first statement). Without a cache (the writer
// connection, which must see its own uncommitted rows) every id is queried.
template <class Record, class Query>
std::vector<Record> cached_rows(RecordCache<Record>* cache, uint64_t read_generation, const std::vector<int64_t>& ids,
                                Query&& query) {
  std::vector<Record> out;
  if (ids.empty()) return out;
  if (cache == nullptr) {
    query(ids, out);
    return out;
  }
  std::vector<int64_t> missing;
  cache->lookup(ids, out, missing);
  if (missing.empty()) return out;
  const size_t first_queried = out.size();
  query(missing, out);
  for (size_t i = first_queried; i < out.size(); ++i) cache->store(out[i], read_generation);
  return out;
}

}  // namespace vmst::store
