#pragma once
// Create/Update/Delete of notes, Announce and Like (and their Undo) from remote actors.
// Run on the inbox processor's thread; each is one write transaction.
#include <nlohmann/json.hpp>

#include "federation/handlers/handler_context.hpp"
#include "store/account_store.hpp"

namespace vmst::federation {

void handle_create(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                   int64_t now);
void handle_update(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                   int64_t now);
void handle_delete(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor);
void handle_announce(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                     int64_t now);
void handle_like(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                 int64_t now);
// Undo of an Announce or Like (given as the object or its id). True when it matched something.
bool handle_undo_interaction(const HandlerContext& ctx, const nlohmann::json& object, const store::AccountRecord& actor);

}  // namespace vmst::federation
