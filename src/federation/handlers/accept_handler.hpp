#pragma once
// Accept{Follow}: a remote account approved a local account's follow request.
#include <nlohmann/json.hpp>

#include "federation/handlers/handler_context.hpp"
#include "store/account_store.hpp"

namespace vmst::federation {

// The pending request becomes a follow. Accepts of anything else, or of follows we never asked for, are dropped.
void handle_accept(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                   int64_t now);

}  // namespace vmst::federation
