#include "federation/activity_dispatch.hpp"

#include <spdlog/spdlog.h>

#include "federation/handlers/accept_handler.hpp"
#include "federation/handlers/follow_handler.hpp"
#include "federation/handlers/reject_handler.hpp"

namespace vmst::federation {

void dispatch_activity(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                       int64_t now) {
  const std::string type = activity.value("type", "");
  if (type == "Follow") return handle_follow(ctx, activity, actor, now);
  if (type == "Accept") return handle_accept(ctx, activity, actor, now);
  if (type == "Reject") return handle_reject(ctx, activity, actor);
  if (type == "Undo") {
    const auto& object = activity.contains("object") ? activity["object"] : nlohmann::json();
    const std::string inner = object.is_object() ? object.value("type", "") : "";
    // A bare id can only be matched against what we recorded, which for now means follows.
    if (inner == "Follow" || object.is_string()) return handle_undo_follow(ctx, object, actor);
  }
  spdlog::debug("inbox: {} from {} not handled yet", type, actor.uri);
}

}  // namespace vmst::federation
