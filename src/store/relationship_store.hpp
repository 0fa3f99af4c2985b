#pragma once
// The rows a Relationship is computed from, for one viewer and many accounts, in one query per table.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct FollowOptionsRow {
  bool show_reblogs = true;
  bool notify = false;
  std::optional<std::string> languages_json;
};

struct MuteRow {
  bool hide_notifications = true;
  std::optional<int64_t> expires_at;
};

// Everything between `viewer` and each of the accounts asked about, keyed by the other account's id.
struct RelationshipRows {
  std::map<int64_t, FollowOptionsRow> following;  // viewer follows them
  std::map<int64_t, FollowOptionsRow> requested;  // viewer asked to follow them
  std::set<int64_t> followed_by, requested_by, blocking, blocked_by, endorsed;
  std::map<int64_t, MuteRow> muting;  // expired mutes included; the rule decides
  std::map<int64_t, std::string> notes;
  std::set<std::string> blocked_domains;  // the viewer's domain blocks, lower case
};

RelationshipRows relationship_rows(Connection& c, int64_t viewer, const std::vector<int64_t>& account_ids);

// True when the viewer blocks, is blocked by, or (until `now`) mutes any of the accounts.
bool blocks_or_mutes_any(Connection& c, int64_t viewer, const std::vector<int64_t>& account_ids, int64_t now);

}  // namespace vmst::store
