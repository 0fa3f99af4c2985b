#include "services/oauth_apps.hpp"

#include "crypto/constant_time.hpp"
#include "crypto/random_bytes.hpp"
#include "services/oauth_error.hpp"
#include "services/oauth_scopes.hpp"
#include "services/redirect_uri.hpp"
#include "services/service_error.hpp"
#include "store/ids.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {
// Mastodon's column limits (PR #16042): without them one registration can store megabytes.
constexpr size_t kMaxNameLength = 60;
constexpr size_t kMaxWebsiteLength = 2000;
constexpr size_t kMaxRedirectUris = 20;
}  // namespace

store::ApplicationRecord register_application(store::Database& db, const ApplicationRequest& request) {
  std::vector<std::string> problems;
  if (request.name.find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.push_back("Name can't be blank");
  } else if (request.name.size() > kMaxNameLength) {
    problems.push_back("Name is too long (maximum is 60 characters)");
  }
  if (request.redirect_uris.empty()) problems.push_back("Redirect URI can't be blank");
  if (request.redirect_uris.size() > kMaxRedirectUris) problems.push_back("Redirect URI has too many entries");
  for (const auto& uri : request.redirect_uris) {
    if (auto problem = redirect_uri_problem(uri)) {
      problems.push_back("Redirect URI " + *problem);
      break;
    }
  }
  auto scopes = parse_scopes(request.scopes.value_or(""), "read");
  if (!scopes) problems.push_back("Scopes doesn't match configured on the server.");
  std::optional<std::string> website = request.website;
  if (website && website->empty()) website.reset();
  if (website && website->size() > kMaxWebsiteLength) problems.push_back("Website is too long (maximum is 2000 characters)");

  if (!problems.empty()) {
    std::string message = "Validation failed: ";
    for (size_t i = 0; i < problems.size(); ++i) message += (i ? ", " : "") + problems[i];
    throw ServiceError(ServiceError::Kind::Invalid, message);
  }

  store::ApplicationRecord app;
  app.id = store::next_id();
  app.name = request.name;
  app.website = website;
  for (const auto& uri : request.redirect_uris) app.redirect_uris += (app.redirect_uris.empty() ? "" : "\n") + uri;
  app.scopes = join_scopes(*scopes);
  app.client_id = crypto::random_token(32);
  app.client_secret = crypto::random_token(32);
  app.created_at = now_millis();
  db.write([&](store::Connection& c) { store::insert_application(c, app); });
  return app;
}

std::optional<store::ApplicationRecord> find_client(store::Database& db, const std::string& client_id) {
  if (client_id.empty()) return std::nullopt;
  return db.read([&](store::Connection& c) { return store::find_application_by_client_id(c, client_id); });
}

std::optional<store::ApplicationRecord> find_application(store::Database& db, int64_t id) {
  return db.read([&](store::Connection& c) { return store::find_application(c, id); });
}

store::ApplicationRecord authenticate_client(store::Database& db, const std::string& client_id,
                                             const std::string& client_secret) {
  auto app = find_client(db, client_id);
  if (!app || client_secret.empty() || !crypto::constant_time_equal(app->client_secret, client_secret)) {
    throw OAuthError(OAuthError::Code::InvalidClient);
  }
  return *app;
}

std::vector<std::string> redirect_uris_of(const store::ApplicationRecord& app) {
  return split_redirect_uris(app.redirect_uris);
}

std::vector<std::string> scopes_of(const store::ApplicationRecord& app) {
  return parse_scopes(app.scopes, "").value_or(std::vector<std::string>{});
}

}  // namespace vmst::services
