#pragma once
// Errors of the OAuth endpoints (/oauth/token, /oauth/revoke) in RFC 6749's vocabulary. They are not
// ServiceErrors because clients read a different body: {"error":"invalid_grant","error_description":"..."} — Elk
// matches on `invalid_client` to re-register, Mastodon.py reports `error`. http/error_responses maps them to
// 400, or 401 for invalid_client, with Doorkeeper's descriptions (what Mastodon sends).
#include <stdexcept>
#include <string>
#include <string_view>

namespace vmst::services {

class OAuthError : public std::runtime_error {
 public:
  enum class Code {
    InvalidRequest,
    InvalidClient,
    InvalidGrant,
    UnauthorizedClient,
    UnsupportedGrantType,
    UnsupportedResponseType,
    InvalidScope,
    AccessDenied,
  };
  // description: what the client is shown; empty for the standard description of the code.
  explicit OAuthError(Code code, const std::string& description = "");
  Code code() const { return code_; }

 private:
  Code code_;
};

// "invalid_grant", ...: the `error` value.
std::string_view oauth_error_name(OAuthError::Code code);
// Doorkeeper's wording for each code.
std::string_view oauth_error_description(OAuthError::Code code);

}  // namespace vmst::services
