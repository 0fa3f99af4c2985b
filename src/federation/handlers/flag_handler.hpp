#pragma once
// Flag: another server reports local accounts or statuses to our moderators (see services/incoming_reports).
#include <nlohmann/json.hpp>

#include "federation/handlers/handler_context.hpp"
#include "store/account_store.hpp"

namespace vmst::federation {

void handle_flag(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                 int64_t now);

}  // namespace vmst::federation
