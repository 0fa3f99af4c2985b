#include "services/sign_in.hpp"

#include "crypto/password_hash.hpp"
#include "store/sign_in_store.hpp"
#include "text/trim.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

// Longer than any password we accept (Mastodon's 72): refused before spending argon2 time on it.
constexpr size_t kMaxPasswordLength = 1024;

// A hash to verify against when the login is unknown, so both cases cost one argon2 run.
const std::string& dummy_hash() {
  static const std::string hash = crypto::hash_password("vmst: no such user, only spending the same time");
  return hash;
}

}  // namespace

SignIn check_credentials(store::Database& db, std::string_view login, std::string_view password) {
  SignIn result;
  std::string name(text::trim(login, text::kSpacesAndTabs));
  if (name.size() > 1 && name.front() == '@' && name.find('@', 1) == std::string::npos) name.erase(0, 1);
  if (name.empty() || password.empty() || password.size() > kMaxPasswordLength) return result;

  auto user = db.read([&](store::Connection& c) {
    return name.find('@') != std::string::npos ? store::find_login_user_by_email(c, name)
                                               : store::find_login_user_by_username(c, name);
  });
  if (!user) {
    (void)crypto::verify_password(dummy_hash(), password);
    return result;
  }
  if (!crypto::verify_password(user->password_hash, password)) return result;

  result.user_id = user->user_id;
  result.account_id = user->account_id;
  result.username = user->username;
  result.approved = user->approved;
  result.outcome = (user->disabled || user->suspended) ? SignIn::Outcome::Disabled : SignIn::Outcome::Ok;
  return result;
}

void record_sign_in(store::Database& db, int64_t user_id) {
  db.write([&](store::Connection& c) { store::record_sign_in(c, user_id, now_millis()); });
}

}  // namespace vmst::services
