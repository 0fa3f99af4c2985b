#pragma once
// Search (GET /api/v2/search and /api/v1/accounts/search) as Mastodon's SearchService and AccountSearchService:
// accounts by handle or name (resolving an unknown @user@domain through WebFinger when asked), hashtags by name,
// statuses by full text among those the viewer may see, and a URL as the account or status it names.
// Network lookups happen outside any database transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convert/mastodon/search_results.hpp"
#include "federation/actor_resolver.hpp"
#include "federation/local_urls.hpp"
#include "federation/webfinger_client.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

struct SearchEnvironment {
  store::Database& db;
  federation::ActorResolver& resolver;
  federation::WebfingerClient& webfinger;
  const federation::LocalUrls& urls;
  std::string local_domain;
};

struct AccountSearchRequest {
  std::string query;
  bool resolve = false;    // look an unknown @user@domain up with WebFinger (signed-in viewers only)
  bool following = false;  // only accounts the viewer follows
  std::optional<int64_t> viewer;
  int limit = 40;
  int offset = 0;
};

std::vector<store::AccountRecord> search_accounts(const SearchEnvironment& env, const AccountSearchRequest& request);

struct SearchRequest {
  std::string query;
  std::string type;  // "", accounts, statuses, hashtags
  bool resolve = false;
  bool following = false;
  std::optional<int64_t> account_id;  // statuses by this account only
  std::optional<int64_t> max_id, min_id;
  std::optional<int64_t> viewer;
  int limit = 20;
  int offset = 0;
  int64_t now = 0;
};

// An unknown type finds nothing.
convert::mastodon::SearchResults search(const SearchEnvironment& env, const SearchRequest& request);

}  // namespace vmst::services
