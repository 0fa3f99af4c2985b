#include "convert/mastodon/json_fragment_cache.hpp"

namespace vmst::convert::mastodon {

JsonFragmentCache::JsonFragmentCache(size_t max_bytes) : max_shard_bytes_(max_bytes / kShards) {}

bool JsonFragmentCache::append_to(int64_t id, uint64_t fingerprint, std::string& out) {
  Shard& shard = shard_of(id);
  std::lock_guard lock(shard.mutex);
  auto it = shard.by_id.find(id);
  if (it == shard.by_id.end() || it->second->fingerprint != fingerprint) return false;
  shard.recency.splice(shard.recency.begin(), shard.recency, it->second);
  out += it->second->bytes;
  return true;
}

void JsonFragmentCache::put(int64_t id, uint64_t fingerprint, std::string bytes) {
  Shard& shard = shard_of(id);
  std::lock_guard lock(shard.mutex);
  if (auto it = shard.by_id.find(id); it != shard.by_id.end()) {
    shard.bytes -= cost(*it->second);
    shard.recency.erase(it->second);
    shard.by_id.erase(it);
  }
  Entry entry{id, fingerprint, std::move(bytes)};
  const size_t entry_cost = cost(entry);
  if (entry_cost > max_shard_bytes_) return;
  while (shard.bytes + entry_cost > max_shard_bytes_ && !shard.recency.empty()) {
    shard.bytes -= cost(shard.recency.back());
    shard.by_id.erase(shard.recency.back().id);
    shard.recency.pop_back();
  }
  shard.recency.push_front(std::move(entry));
  shard.by_id.emplace(id, shard.recency.begin());
  shard.bytes += entry_cost;
}

size_t JsonFragmentCache::entries() {
  size_t n = 0;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    n += shard.by_id.size();
  }
  return n;
}

size_t JsonFragmentCache::bytes() {
  size_t n = 0;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    n += shard.bytes;
  }
  return n;
}

}  // namespace vmst::convert::mastodon
