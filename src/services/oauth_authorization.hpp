#pragma once
// The authorization endpoint's rules (GET and POST /oauth/authorize): which requests may be answered at all, and
// the short-lived, single-use codes issued once the user has signed in and approved.
//
// Errors come in two kinds (RFC 6749 §4.1.2.1): with an unknown client or a redirect_uri the client never
// registered there is nowhere safe to send the browser, so the user sees an error page; once both are known good,
// every other problem (bad scope, unsupported response_type, PKCE method, a denial) goes back to the client on its
// redirect URI.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/oauth_error.hpp"
#include "store/database.hpp"
#include "store/oauth_store.hpp"

namespace vmst::services {

// Codes are exchanged within seconds by real clients; ten minutes is RFC 6749's recommended maximum.
inline constexpr int64_t kAuthorizationCodeLifetimeMs = 10 * 60 * 1000;

struct AuthorizationParams {
  std::string client_id;
  std::optional<std::string> redirect_uri;
  std::string response_type;
  std::optional<std::string> scope;
  std::string state;
  std::optional<std::string> code_challenge, code_challenge_method;
  std::optional<std::string> response_mode;  // query (default), fragment or form_post
};

// A request whose client and redirect URI are valid: the place results and errors may be sent to.
struct AuthorizationRequest {
  store::ApplicationRecord app;
  std::string redirect_uri;
  std::vector<std::string> scopes;
  std::string state;
  std::optional<std::string> code_challenge;  // S256
  std::string response_mode = "query";
};

struct AuthorizationCheck {
  std::optional<AuthorizationRequest> request;  // unset: show `error_description` on a page, never redirect
  std::optional<OAuthError::Code> error;        // set with a request: send the error to the redirect URI
  std::string error_description;

  bool ok() const { return request && !error; }
};

AuthorizationCheck check_authorization_request(store::Database& db, const AuthorizationParams& params);

// Stores a code for the signed-in user (hashed, with the PKCE challenge) and returns it; it is shown once.
std::string create_authorization_code(store::Database& db, const AuthorizationRequest& request, int64_t user_id);

}  // namespace vmst::services
