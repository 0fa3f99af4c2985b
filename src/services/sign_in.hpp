#pragma once
// Checking a person's login and password: shared by the OAuth authorize form, the password grant and (later) the
// web UI's session login, so every way in applies the same rules.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace vmst::services {

struct SignIn {
  enum class Outcome {
    Ok,                // the password is right; the user may still be pending approval (see `approved`)
    WrongCredentials,  // unknown login or wrong password: callers must not say which
    Disabled,          // right password, but the user is disabled or the account suspended
  };
  Outcome outcome = Outcome::WrongCredentials;
  int64_t user_id = 0;
  int64_t account_id = 0;
  std::string username;
  bool approved = true;
};

// `login` is an email address or a local username (toot and Mastodon.py document the email; people type either),
// with a leading '@' tolerated. The time taken does not tell whether the login exists: an unknown one is checked
// against a dummy hash. Pending users get Ok, as in Mastodon: their tokens are refused by the API until approval.
SignIn check_credentials(store::Database& db, std::string_view login, std::string_view password);

// Remembers the time of a successful sign-in (shown by `vmst account list`).
void record_sign_in(store::Database& db, int64_t user_id);

}  // namespace vmst::services
