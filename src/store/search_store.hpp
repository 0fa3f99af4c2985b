#pragma once
// SQL for search: accounts by handle or display name, hashtags by name, and statuses through the statuses_fts
// full-text index (rowid = statuses.id), which posting fills (fan_out_store index_status_text).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct AccountSearchQuery {
  std::string term;                    // username prefix (also a display-name word prefix when no domain)
  std::optional<std::string> domain;   // "" = local accounts only; a value = domain prefix; unset = any
  std::optional<int64_t> following_of; // only accounts this account follows
  std::optional<int64_t> viewer;       // leaves out accounts that block the viewer
  int limit = 40;
  int offset = 0;
};

// Matching account ids: an exact username first, then local accounts, then by followers. Suspended accounts and
// the instance actor are never found; silenced ones only by a viewer who follows them.
std::vector<int64_t> search_accounts(Connection& c, const AccountSearchQuery& query);

struct TagHit {
  std::string name;  // as first written
  bool following = false;
};

// Listable tags whose (normalised) name starts with the normalised `prefix`: the exact name first, then the most
// recently used.
std::vector<TagHit> search_tags(Connection& c, const std::string& prefix, std::optional<int64_t> viewer, int limit,
                                int offset);

struct StatusSearchQuery {
  std::string match;  // an FTS5 expression (services/search_query builds a safe one)
  int64_t viewer = 0;
  int64_t now = 0;  // mutes that expired by then no longer hide anything
  std::optional<int64_t> account_id;  // only statuses by this account
  std::optional<int64_t> max_id, min_id;
  int limit = 20;
  int offset = 0;
};

// Ids of matching statuses the viewer may see (public or unlisted, their own, followers-only of accounts they
// follow, or mentioning them), leaving out accounts blocked either way, muted or domain-blocked; newest first.
std::vector<int64_t> search_statuses(Connection& c, const StatusSearchQuery& query);

}  // namespace vmst::store
