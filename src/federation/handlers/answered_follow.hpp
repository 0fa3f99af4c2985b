#pragma once
// Which local account's Follow a remote Accept or Reject answers. The object may be the Follow itself (as
// Mastodon and Fedify embed it), or only its id; either way it must be a Follow of the actor who answers.
#include <nlohmann/json.hpp>
#include <optional>

#include "federation/handlers/handler_context.hpp"
#include "store/account_store.hpp"

namespace vmst::federation {

// The local follower, or nullopt when the object names no Follow of `actor` by a local account.
std::optional<store::AccountRecord> answered_follower(const HandlerContext& ctx, const nlohmann::json& object,
                                                      const store::AccountRecord& actor);

}  // namespace vmst::federation
