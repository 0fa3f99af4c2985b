#pragma once
// Serialized JSON of entities whose rendering does not depend on the viewer (a status without its counts and viewer
// flags, an account), kept in memory so a timeline page copies bytes instead of building and dumping the same trees
// on every request. An entry is used only when the fingerprint of the inputs it was rendered from matches the
// current one (convert/mastodon/fingerprint.hpp), so a stale entry is not served; it is simply replaced. (The
// fingerprint is 64 bits: two different inputs of one id collide with odds of one in 2^64.)
// Bounded: least recently used entries go once the byte budget is spent. Safe to use from many threads.
#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace vmst::convert::mastodon {

class JsonFragmentCache {
 public:
  explicit JsonFragmentCache(size_t max_bytes);
  JsonFragmentCache(const JsonFragmentCache&) = delete;
  JsonFragmentCache& operator=(const JsonFragmentCache&) = delete;

  // Appends the bytes stored for `id` to `out` if they were rendered from inputs with this fingerprint.
  bool append_to(int64_t id, uint64_t fingerprint, std::string& out);
  void put(int64_t id, uint64_t fingerprint, std::string bytes);

  size_t entries();
  size_t bytes();

 private:
  struct Entry {
    int64_t id;
    uint64_t fingerprint;
    std::string bytes;
  };
  struct Shard {
    std::mutex mutex;
    std::list<Entry> recency;  // most recently used first
    std::unordered_map<int64_t, std::list<Entry>::iterator> by_id;
    size_t bytes = 0;
  };
  // Sharded by id so the HTTP pool's threads rarely wait on each other.
  static constexpr size_t kShards = 16;

  Shard& shard_of(int64_t id) { return shards_[static_cast<uint64_t>(id) * 0x9e3779b97f4a7c15ULL >> 60]; }
  static size_t cost(const Entry& entry) { return entry.bytes.size() + sizeof(Entry) + 64; }

  size_t max_shard_bytes_;
  std::array<Shard, kShards> shards_;
};

// The fragments the client API renders statuses from. Budgets are fixed: about 5,000 typical statuses and 2,000
// accounts, a few MiB of memory once warm and nothing at start.
struct RenderCaches {
  static constexpr size_t kStatusBytes = 8u << 20;
  static constexpr size_t kAccountBytes = 2u << 20;
  JsonFragmentCache statuses{kStatusBytes};
  JsonFragmentCache accounts{kAccountBytes};
};

}  // namespace vmst::convert::mastodon
