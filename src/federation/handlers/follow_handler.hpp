#pragma once
// Follow, and Undo of a Follow, addressed to local accounts.
#include <nlohmann/json.hpp>

#include "federation/handlers/handler_context.hpp"
#include "store/account_store.hpp"

namespace vmst::federation {

// Records the follow (or follow request, for a locked account) and answers with Accept (or Reject when the
// target blocks the actor). A repeated Follow is accepted again, as Mastodon does, so a peer that lost our
// Accept recovers.
void handle_follow(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                   int64_t now);

// Undo{Follow}: the object may be the Follow itself or only its id.
void handle_undo_follow(const HandlerContext& ctx, const nlohmann::json& follow, const store::AccountRecord& actor);

}  // namespace vmst::federation
