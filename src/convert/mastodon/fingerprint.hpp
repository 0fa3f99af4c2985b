#pragma once
// A 64-bit digest of the inputs a cached rendering was made from (convert/mastodon/json_fragment_cache.hpp). The
// renderer that owns a cached fragment feeds it every value it reads, so a changed row, attachment, emoji or mention
// gives a new fingerprint and the cached bytes are not used: no write path has to remember to invalidate anything.
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vmst::convert::mastodon {

class Fingerprint {
 public:
  Fingerprint& add(std::string_view text) {
    mix(std::hash<std::string_view>{}(text));
    return mix(text.size());
  }
  Fingerprint& add(const std::string& text) { return add(std::string_view(text)); }
  Fingerprint& add(const char* text) { return add(std::string_view(text)); }
  Fingerprint& add(int64_t value) { return mix(static_cast<uint64_t>(value)); }
  Fingerprint& add(int value) { return add(static_cast<int64_t>(value)); }
  Fingerprint& add(bool value) { return mix(value ? 0x5bd1e995u : 0x27d4eb2fu); }
  Fingerprint& add(double value) {
    uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return mix(bits);
  }
  template <class T>
  Fingerprint& add(const std::optional<T>& value) {
    // Presence is mixed in too, so nullopt and an empty string differ.
    if (!value) return mix(0x9ae16a3b2f90404fULL);
    mix(0xc3a5c85c97cb3127ULL);
    return add(*value);
  }
  template <class T>
  Fingerprint& add(const std::vector<T>& values) {
    mix(values.size());
    for (const auto& v : values) add(v);
    return *this;
  }

  uint64_t value() const { return state_; }

 private:
  Fingerprint& mix(uint64_t v) {
    // splitmix64's finaliser over the running state: cheap, and every input bit reaches every output bit.
    uint64_t z = state_ ^ (v + 0x9e3779b97f4a7c15ULL + (state_ << 6) + (state_ >> 2));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    state_ = z ^ (z >> 31);
    return *this;
  }

  uint64_t state_ = 0x84222325cbf29ce4ULL;
};

}  // namespace vmst::convert::mastodon
