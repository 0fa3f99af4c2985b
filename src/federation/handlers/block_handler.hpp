#pragma once
// Block, and Undo of a Block, from a remote actor against a local account.
#include <nlohmann/json.hpp>

#include "federation/handlers/handler_context.hpp"
#include "store/account_store.hpp"

namespace vmst::federation {

// The actor blocks a local account: follows both ways end (services::record_incoming_block) and the block is
// recorded, so the account sees `blocked_by` and no longer gets the blocker's statuses or notifications.
// A replayed Block changes nothing.
void handle_block(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                  int64_t now);

// Undo{Block}: the object may be the Block itself or only its id. True when it matched a block of this actor.
bool handle_undo_block(const HandlerContext& ctx, const nlohmann::json& block, const store::AccountRecord& actor);

}  // namespace vmst::federation
