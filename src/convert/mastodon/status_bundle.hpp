#pragma once
// Everything needed to render a page of statuses for one viewer, loaded in a few batched queries
// (services/status_views) and read by the converters. Keyed by id so a status and its reblog share one load.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/account_store.hpp"
#include "store/custom_emoji_store.hpp"
#include "store/filter_store.hpp"
#include "store/media_store.hpp"
#include "store/poll_store.hpp"
#include "store/status_store.hpp"

namespace vmst::convert::mastodon {

// One of the viewer's filters matching a status: Mastodon's FilterResult. `filter` indexes StatusBundle::filters.
struct FilterHit {
  size_t filter = 0;
  std::vector<std::string> keyword_matches;  // the text that matched, as written in the status
  std::vector<int64_t> status_matches;
};

struct StatusBundle {
  std::optional<int64_t> viewer_account_id;
  std::unordered_map<int64_t, store::StatusRecord> statuses;  // the requested ones and what they reblog
  std::unordered_map<int64_t, store::AccountRecord> accounts;  // authors and mentioned accounts
  std::unordered_map<int64_t, std::vector<store::MediaRecord>> media;     // by status, in position order
  std::unordered_map<int64_t, std::vector<int64_t>> mentions;             // status -> mentioned account ids
  std::unordered_map<int64_t, std::vector<std::string>> tags;             // status -> lowercase names
  std::unordered_map<int64_t, std::vector<store::CustomEmojiRecord>> emojis;          // status -> emoji it uses
  std::unordered_map<int64_t, std::vector<store::CustomEmojiRecord>> account_emojis;  // account -> emoji it uses
  std::unordered_map<int64_t, store::ApplicationName> applications;      // by application id
  std::unordered_map<int64_t, store::PollRecord> polls;                  // by status id
  std::map<int64_t, std::vector<int>> own_poll_votes;                    // poll id -> the viewer's choices
  int64_t loaded_at = 0;                                                 // "now" for whether polls have ended
  store::ViewerFlags viewer;
  std::vector<store::FilterRecord> filters;                              // the viewer's, for this context
  std::unordered_map<int64_t, std::vector<FilterHit>> filter_hits;      // status -> the filters it matched
  // Accounts rendered once per bundle: a page shows the same few authors many times, and copying their JSON costs
  // less than building it again.
  mutable std::unordered_map<int64_t, nlohmann::json> rendered_accounts;

  const store::StatusRecord* status(int64_t id) const {
    auto it = statuses.find(id);
    return it == statuses.end() ? nullptr : &it->second;
  }
  const store::AccountRecord* account(int64_t id) const {
    auto it = accounts.find(id);
    return it == accounts.end() ? nullptr : &it->second;
  }
};

}  // namespace vmst::convert::mastodon
