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

// A Follow sent by the local account `follower`. `id` is the activity id (recorded with the follow request so the
// peer's Accept or Reject can be matched to it).
nlohmann::json follow_activity(const std::string& id, const store::AccountRecord& follower,
                               const store::AccountRecord& target);

// Block of `target` by the local account `blocker`.
nlohmann::json block_activity(const std::string& id, const store::AccountRecord& blocker,
                              const store::AccountRecord& target);

// Undo of an activity the local account `actor` sent; `object` is the activity or a compact reference to it.
nlohmann::json undo_activity(const store::AccountRecord& actor, const nlohmann::json& object);

// Update of a local actor to its followers after a profile change; `actor` is its document (actor.hpp
// local_actor), `sequence` makes the id unique.
nlohmann::json update_actor_activity(const nlohmann::json& actor, int64_t sequence);

// Delete of a local actor by itself, sent when an admin deletes the account (Mastodon's DeleteActorSerializer).
nlohmann::json delete_actor_activity(const store::AccountRecord& account);

}  // namespace vmst::convert::as
