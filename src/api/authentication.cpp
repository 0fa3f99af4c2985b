#include "api/authentication.hpp"

#include "crypto/credential_hash.hpp"
#include "http/error_responses.hpp"
#include "services/oauth_scopes.hpp"
#include "store/oauth_store.hpp"

namespace vmst::api {

namespace {

std::vector<std::string> split_scopes(const std::string& text) {
  auto parsed = services::parse_scopes(text, "");
  return parsed ? *parsed : std::vector<std::string>{};
}

}  // namespace

std::string credential_hash(std::string_view secret) { return crypto::credential_hash(secret); }

std::string bearer_token(const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  if (header.size() > 7 && (header.compare(0, 7, "Bearer ") == 0 || header.compare(0, 7, "bearer ") == 0)) {
    auto start = header.find_first_not_of(' ', 7);
    return start == std::string::npos ? std::string() : header.substr(start);
  }
  if (req.has_param("access_token")) return req.get_param_value("access_token");
  return {};
}

std::optional<Principal> authenticate(const httplib::Request& req, store::Database& db) {
  const std::string token = bearer_token(req);
  if (token.empty()) return std::nullopt;
  const std::string hash = credential_hash(token);
  auto record = db.read([&](store::Connection& c) { return store::find_live_access_token(c, hash); });
  if (!record) throw http::HttpError(401, "The access token is invalid");
  Principal p;
  p.token_id = record->id;
  p.application_id = record->application_id;
  p.user_id = record->user_id;
  p.account_id = record->account_id;
  p.approved = record->user_approved;
  p.disabled = record->user_disabled;
  p.scopes = split_scopes(record->scopes);
  return p;
}

Principal require_scope(const httplib::Request& req, store::Database& db, std::string_view scope) {
  auto principal = authenticate(req, db);
  if (!principal) throw http::HttpError(401, "The access token is invalid");
  if (!services::scopes_allow(principal->scopes, scope)) {
    throw http::HttpError(403, "This action is outside the authorized scopes");
  }
  // As Mastodon: the token still names its user, who is told why nothing works rather than that the token is bad.
  if (principal->disabled) throw http::HttpError(403, "Your login is currently disabled");
  return *principal;
}

Principal require_user(const httplib::Request& req, store::Database& db, std::string_view scope) {
  auto principal = require_scope(req, db, scope);
  if (!principal.has_user()) throw http::HttpError(422, "This method requires an authenticated user");
  if (!principal.approved) throw http::HttpError(403, "Your login is currently pending approval");
  return principal;
}

Principal require_user_any(const httplib::Request& req, store::Database& db,
                           std::initializer_list<std::string_view> scopes) {
  auto principal = authenticate(req, db);
  if (!principal) throw http::HttpError(401, "The access token is invalid");
  bool allowed = false;
  for (auto scope : scopes) allowed = allowed || services::scopes_allow(principal->scopes, scope);
  if (!allowed) throw http::HttpError(403, "This action is outside the authorized scopes");
  if (principal->disabled) throw http::HttpError(403, "Your login is currently disabled");
  if (!principal->has_user()) throw http::HttpError(422, "This method requires an authenticated user");
  if (!principal->approved) throw http::HttpError(403, "Your login is currently pending approval");
  return *principal;
}

std::optional<int64_t> optional_viewer(const httplib::Request& req, store::Database& db) {
  auto principal = authenticate(req, db);
  // A disabled user reads public things as anyone would.
  if (!principal || principal->disabled) return std::nullopt;
  return principal->account_id;
}

}  // namespace vmst::api
