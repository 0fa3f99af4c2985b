#pragma once
// Routes a verified, stored activity to its handler by type. Types vmst does not act on are acknowledged and
// dropped, as Mastodon does.
#include <nlohmann/json.hpp>

#include "federation/handlers/handler_context.hpp"
#include "store/account_store.hpp"

namespace vmst::federation {

// Throws on a failure worth retrying (a fetch that timed out, a busy database).
void dispatch_activity(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                       int64_t now);

}  // namespace vmst::federation
