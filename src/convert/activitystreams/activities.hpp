#pragma once
// Activities vmst sends, shaped as Mastodon sends them.
#include <nlohmann/json.hpp>
#include <string>

#include "store/account_store.hpp"

namespace vmst::convert::as {

// The Follow an Accept/Reject answers, as its object: {id, type, actor, object}. Peers match on the id.
nlohmann::json follow_reference(const std::string& follow_id, const std::string& follower_uri, const std::string& target_uri);

// Accept or Reject of a Follow, sent by the local account `target`. `sequence` makes the id unique.
nlohmann::json accept_follow(const store::AccountRecord& target, const nlohmann::json& follow, int64_t sequence);
nlohmann::json reject_follow(const store::AccountRecord& target, const nlohmann::json& follow, int64_t sequence);

}  // namespace vmst::convert::as
