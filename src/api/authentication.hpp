#pragma once
// Who is calling the client API: the bearer token (header, or the legacy `access_token` parameter) looked up by
// its hash. Handlers call one of the require_* functions first; the errors are Mastodon's, word for word, because
// clients show them (and Elk re-registers on some of them).
#include <httplib.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace vmst::api {

struct Principal {
  int64_t token_id = 0;
  std::optional<int64_t> application_id;
  std::optional<int64_t> user_id;
  std::optional<int64_t> account_id;  // set for user tokens
  bool approved = true;               // false while the user's sign-up waits for an admin
  bool disabled = false;              // the user is disabled or their account suspended
  std::vector<std::string> scopes;

  bool has_user() const { return account_id.has_value(); }
};

// SHA-256 hex of a bearer token or code, the form in which the database keeps them.
std::string credential_hash(std::string_view secret);

// The token the request carries, or "" when none.
std::string bearer_token(const httplib::Request& req);

// nullopt when no token was sent. Throws HttpError(401) when one was sent and is not live.
std::optional<Principal> authenticate(const httplib::Request& req, store::Database& db);

// Any live token (app or user) allowed `scope`. 401 without a token, 403 outside the token's scopes.
Principal require_scope(const httplib::Request& req, store::Database& db, std::string_view scope);

// A user token allowed `scope`; app-only tokens get 422 "This method requires an authenticated user", users whose
// sign-up awaits approval 403 "Your login is currently pending approval" (Mastodon's words).
Principal require_user(const httplib::Request& req, store::Database& db, std::string_view scope);

// require_user for an action any one of `scopes` allows (verify_credentials takes `profile` or `read:accounts`).
Principal require_user_any(const httplib::Request& req, store::Database& db,
                           std::initializer_list<std::string_view> scopes);

// The viewer's account for public reads: a user token if sent (and valid), otherwise anonymous.
std::optional<int64_t> optional_viewer(const httplib::Request& req, store::Database& db);

}  // namespace vmst::api
