#pragma once
// Reject{Follow}: a remote account refused a local account's follow request, or removed it from its followers.
#include <nlohmann/json.hpp>

#include "federation/handlers/handler_context.hpp"
#include "store/account_store.hpp"

namespace vmst::federation {

// The request (or the follow) is dropped. Rejects of anything else are ignored.
void handle_reject(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor);

}  // namespace vmst::federation
