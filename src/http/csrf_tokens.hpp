#pragma once
// One-time tokens for server-rendered forms, against cross-site request forgery.
//
// A token is bound to a random per-browser value kept in an HttpOnly cookie: another site can fetch a form (and
// its token) for itself, but cannot make the victim's browser send it with the victim's cookie. Tokens are kept in
// memory, hashed, for `lifetime` and work once; a restart invalidates open forms, which then simply show again.
// Memory is bounded: the oldest tokens go first when `capacity` is reached.
//
// Thread-safe (one mutex; forms are rare next to API calls).
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vmst::http {

class CsrfTokens {
 public:
  explicit CsrfTokens(int64_t lifetime_ms = 60 * 60 * 1000, size_t capacity = 10000);

  // A new token for a form shown to the browser whose CSRF cookie holds `session`.
  std::string issue(std::string_view session, int64_t now_ms);

  // True once per token: it was issued for `session` and is not older than the lifetime. Consumes it either way.
  bool consume(std::string_view token, std::string_view session, int64_t now_ms);

  size_t size() const;

 private:
  struct Entry {
    std::string session_hash;
    int64_t expires_at;
  };
  void evict(int64_t now_ms);  // with mutex_ held

  const int64_t lifetime_ms_;
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;         // token hash -> entry
  std::deque<std::pair<int64_t, std::string>> by_expiry_;  // issue order is expiry order (one lifetime)
};

}  // namespace vmst::http
