#pragma once
// OAuth client applications: registration (POST /api/v1/apps) and client authentication for the token and revoke
// endpoints. Apps are never vacuumed: Mastodon stopped doing that in 4.3 because clients keep their credentials
// for years.
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/oauth_store.hpp"

namespace vmst::services {

struct ApplicationRequest {
  std::string name;
  std::vector<std::string> redirect_uris;  // already split; each stored verbatim
  std::optional<std::string> scopes;       // space separated; "read" when absent or blank
  std::optional<std::string> website;
};

// Throws ServiceError(Invalid) with Mastodon's message ("Validation failed: Scopes doesn't match configured on the
// server.") for a blank name, no usable redirect URI or an unknown scope.
store::ApplicationRecord register_application(store::Database& db, const ApplicationRequest& request);

std::optional<store::ApplicationRecord> find_client(store::Database& db, const std::string& client_id);
std::optional<store::ApplicationRecord> find_application(store::Database& db, int64_t id);

// The application when client_id names one and client_secret is its secret (compared in constant time).
// Throws OAuthError(InvalidClient) otherwise, with the description Elk matches on.
store::ApplicationRecord authenticate_client(store::Database& db, const std::string& client_id,
                                             const std::string& client_secret);

std::vector<std::string> redirect_uris_of(const store::ApplicationRecord& app);
std::vector<std::string> scopes_of(const store::ApplicationRecord& app);

}  // namespace vmst::services
