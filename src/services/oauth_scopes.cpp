#include "services/oauth_scopes.hpp"

#include <algorithm>
#include <sstream>

namespace vmst::services {

namespace {

const std::vector<std::string> kScopes = {
    "read", "write", "follow", "push", "profile", "crypto",
    "read:accounts", "read:blocks", "read:bookmarks", "read:favourites", "read:filters", "read:follows",
    "read:lists", "read:mutes", "read:notifications", "read:search", "read:statuses",
    "write:accounts", "write:blocks", "write:bookmarks", "write:conversations", "write:favourites",
    "write:filters", "write:follows", "write:lists", "write:media", "write:mutes", "write:notifications",
    "write:reports", "write:statuses",
    "admin:read", "admin:write",
    "admin:read:accounts", "admin:read:reports", "admin:read:domain_allows", "admin:read:domain_blocks",
    "admin:read:ip_blocks", "admin:read:email_domain_blocks", "admin:read:canonical_email_blocks",
    "admin:write:accounts", "admin:write:reports", "admin:write:domain_allows", "admin:write:domain_blocks",
    "admin:write:ip_blocks", "admin:write:email_domain_blocks", "admin:write:canonical_email_blocks",
};

// What the legacy `follow` scope stood for before granular scopes existed.
const std::vector<std::string> kFollowCovers = {"read:follows", "write:follows", "read:blocks", "write:blocks",
                                                "read:mutes", "write:mutes"};

bool known(std::string_view scope) { return std::find(kScopes.begin(), kScopes.end(), scope) != kScopes.end(); }

}  // namespace

const std::vector<std::string>& all_known_scopes() { return kScopes; }

std::optional<std::vector<std::string>> parse_scopes(std::string_view text, std::string_view fallback) {
  std::vector<std::string> out;
  std::istringstream in{std::string(text)};
  std::string scope;
  while (in >> scope) {
    if (!known(scope)) return std::nullopt;
    if (std::find(out.begin(), out.end(), scope) == out.end()) out.push_back(scope);
  }
  if (out.empty() && !fallback.empty()) return parse_scopes(fallback, "");
  return out;
}

std::string join_scopes(const std::vector<std::string>& scopes) {
  std::string out;
  for (const auto& s : scopes) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

bool scopes_allow(const std::vector<std::string>& granted, std::string_view required) {
  for (const auto& g : granted) {
    if (g == required) return true;
    // "read" covers "read:x"; "admin:read" covers "admin:read:x".
    if (required.size() > g.size() && required.starts_with(g) && required[g.size()] == ':') return true;
    if (g == "follow" && std::find(kFollowCovers.begin(), kFollowCovers.end(), required) != kFollowCovers.end()) {
      return true;
    }
  }
  return false;
}

bool scopes_within(const std::vector<std::string>& requested, const std::vector<std::string>& registered) {
  return std::all_of(requested.begin(), requested.end(),
                     [&](const std::string& s) { return scopes_allow(registered, s); });
}

}  // namespace vmst::services
