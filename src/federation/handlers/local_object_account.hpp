#pragma once
// The local user an activity's object names (a Follow's or a Block's target), for the handlers that act on one.
#include <optional>

#include <nlohmann/json.hpp>

#include "federation/handlers/handler_context.hpp"
#include "store/account_store.hpp"

namespace vmst::federation {

// The local person the object (an id or an embedded actor) names; nothing for remote accounts, unknown ids and the
// instance actor, which no one follows or blocks.
std::optional<store::AccountRecord> local_object_account(const HandlerContext& ctx, const nlohmann::json& object);

}  // namespace vmst::federation
