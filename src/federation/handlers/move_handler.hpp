#pragma once
// Move from a remote actor to its new account.
#include <nlohmann/json.hpp>

#include "federation/handlers/handler_context.hpp"
#include "store/account_store.hpp"

namespace vmst::federation {

// The actor (who signed the activity: the inbox intake checked that) moves itself to `target`. The target is
// fetched afresh through the resolver and must list the actor in alsoKnownAs (services::move_refusal); a refused
// server, a failed fetch or an invalid Move is dropped, as Mastodon drops it. A replay changes nothing.
void handle_move(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                 int64_t now);

}  // namespace vmst::federation
