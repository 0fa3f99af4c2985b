#pragma once
// Sign-up through the API (POST /api/v1/accounts), as toot's and Mastodon.py's create_account use it: the client
// first gets an app token (client_credentials), registers, and receives a user token in the same answer.
// instance.registrations decides: "open" creates an active account, "approval" one that waits for an admin (its
// token is issued but refused by the API until then, as in Mastodon), "closed" refuses.
#include <optional>
#include <string>

#include "federation/local_urls.hpp"
#include "services/oauth_tokens.hpp"
#include "store/database.hpp"
#include "store/oauth_store.hpp"

namespace vmst::services {

struct RegistrationRequest {
  std::string username;
  std::string email;
  std::string password;
  bool agreement = false;
  std::optional<std::string> locale;
  std::optional<std::string> reason;
  std::optional<std::string> invite_code;  // Mastodon's param: signs up even when closed, skipping approval
};

struct Registration {
  IssuedToken token;
  int64_t account_id = 0;
  bool approved = true;
};

// mode: "open" | "approval" | "closed". The token gets the application's registered scopes (Mastodon's rule).
// A usable invite code opens registration whatever the mode and creates an approved account; its use is counted.
// Throws ServiceError(Forbidden) when closed (and no usable invite), ValidationFailed with one entry per bad field
// otherwise (an unusable invite code is one).
Registration register_account(store::Database& db, const federation::LocalUrls& urls, const std::string& mode,
                              const store::ApplicationRecord& app, const RegistrationRequest& request);

}  // namespace vmst::services
