#include "services/oauth_authorization.hpp"

#include "crypto/credential_hash.hpp"
#include "crypto/random_bytes.hpp"
#include "services/oauth_apps.hpp"
#include "services/oauth_scopes.hpp"
#include "services/pkce.hpp"
#include "services/redirect_uri.hpp"
#include "store/ids.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {
using Code = OAuthError::Code;

AuthorizationCheck page_error(std::string description) {
  AuthorizationCheck check;
  check.error_description = std::move(description);
  return check;
}

AuthorizationCheck redirect_error(AuthorizationCheck check, Code code, std::string description = "") {
  check.error = code;
  check.error_description = description.empty() ? std::string(oauth_error_description(code)) : std::move(description);
  return check;
}
}  // namespace

AuthorizationCheck check_authorization_request(store::Database& db, const AuthorizationParams& params) {
  auto app = find_client(db, params.client_id);
  if (!app) return page_error(std::string(oauth_error_description(Code::InvalidClient)));

  const auto registered = redirect_uris_of(*app);
  std::string redirect_uri;
  if (params.redirect_uri && !params.redirect_uri->empty()) {
    redirect_uri = *params.redirect_uri;
  } else if (registered.size() == 1) {
    // RFC 6749 §3.1.2.3: without redirect_uri, the only registered one is meant.
    redirect_uri = registered.front();
  }
  if (redirect_uri.empty() || !redirect_uri_registered(registered, redirect_uri)) {
    return page_error("The redirect URI included is not valid.");
  }

  AuthorizationCheck check;
  check.request = AuthorizationRequest{*app, redirect_uri, {}, params.state, std::nullopt, "query"};
  auto& request = *check.request;

  if (params.response_mode) {
    const auto& mode = *params.response_mode;
    if (mode != "query" && mode != "fragment" && mode != "form_post") {
      return redirect_error(std::move(check), Code::InvalidRequest, "The requested response mode is not supported.");
    }
    request.response_mode = mode;
  }
  if (params.response_type != "code") return redirect_error(std::move(check), Code::UnsupportedResponseType);

  auto scopes = parse_scopes(params.scope.value_or(""), "read");
  if (!scopes || !scopes_within(*scopes, scopes_of(*app))) return redirect_error(std::move(check), Code::InvalidScope);
  request.scopes = *scopes;

  if (params.code_challenge && !params.code_challenge->empty()) {
    // RFC 7636 §4.3: without a method the client meant "plain", which is not offered.
    if (params.code_challenge_method.value_or("plain") != kPkceS256) {
      return redirect_error(std::move(check), Code::InvalidRequest, "Invalid code_challenge_method.");
    }
    if (!valid_code_challenge(*params.code_challenge)) {
      return redirect_error(std::move(check), Code::InvalidRequest, "Invalid code_challenge.");
    }
    request.code_challenge = *params.code_challenge;
  }
  return check;
}

std::string create_authorization_code(store::Database& db, const AuthorizationRequest& request, int64_t user_id) {
  const std::string code = crypto::random_token(32);
  store::AuthorizationCodeRecord record;
  record.id = store::next_id();
  record.application_id = request.app.id;
  record.user_id = user_id;
  record.code_hash = crypto::credential_hash(code);
  record.redirect_uri = request.redirect_uri;
  record.scopes = join_scopes(request.scopes);
  if (request.code_challenge) {
    record.code_challenge = request.code_challenge;
    record.code_challenge_method = std::string(kPkceS256);
  }
  record.created_at = now_millis();
  record.expires_at = record.created_at + kAuthorizationCodeLifetimeMs;
  db.write([&](store::Connection& c) {
    store::delete_expired_authorization_codes(c, record.created_at);
    store::insert_authorization_code(c, record);
  });
  return code;
}

}  // namespace vmst::services
