#include "http/csrf_tokens.hpp"

#include "crypto/constant_time.hpp"
#include "crypto/credential_hash.hpp"
#include "crypto/random_bytes.hpp"

namespace vmst::http {

CsrfTokens::CsrfTokens(int64_t lifetime_ms, size_t capacity) : lifetime_ms_(lifetime_ms), capacity_(capacity) {}

std::string CsrfTokens::issue(std::string_view session, int64_t now_ms) {
  std::string token = crypto::random_token(32);
  std::string hash = crypto::credential_hash(token);
  std::lock_guard lock(mutex_);
  evict(now_ms);
  while (by_expiry_.size() >= capacity_) {
    entries_.erase(by_expiry_.front().second);
    by_expiry_.pop_front();
  }
  entries_[hash] = Entry{crypto::credential_hash(session), now_ms + lifetime_ms_};
  by_expiry_.emplace_back(now_ms + lifetime_ms_, std::move(hash));
  return token;
}

bool CsrfTokens::consume(std::string_view token, std::string_view session, int64_t now_ms) {
  if (token.empty() || session.empty()) return false;
  const std::string hash = crypto::credential_hash(token);
  std::lock_guard lock(mutex_);
  auto it = entries_.find(hash);
  if (it == entries_.end()) return false;
  Entry entry = std::move(it->second);
  entries_.erase(it);
  return entry.expires_at > now_ms && crypto::constant_time_equal(entry.session_hash, crypto::credential_hash(session));
}

size_t CsrfTokens::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void CsrfTokens::evict(int64_t now_ms) {
  while (!by_expiry_.empty() && by_expiry_.front().first <= now_ms) {
    entries_.erase(by_expiry_.front().second);
    by_expiry_.pop_front();
  }
}

}  // namespace vmst::http
