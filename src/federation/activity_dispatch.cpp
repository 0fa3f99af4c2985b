#include "federation/activity_dispatch.hpp"

#include <spdlog/spdlog.h>

#include "federation/handlers/accept_handler.hpp"
#include "federation/handlers/block_handler.hpp"
#include "federation/handlers/flag_handler.hpp"
#include "federation/handlers/follow_handler.hpp"
#include "federation/handlers/move_handler.hpp"
#include "federation/handlers/reject_handler.hpp"
#include "federation/handlers/status_handlers.hpp"

namespace vmst::federation {

void dispatch_activity(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                       int64_t now) {
  const std::string type = activity.value("type", "");
  // A remote account our moderators suspended can still take things back, nothing more (as Mastodon allows).
  if (actor.suspended_at && type != "Delete" && type != "Reject" && type != "Undo" && type != "Update") {
    spdlog::debug("inbox: {} from suspended {} ignored", type, actor.uri);
    return;
  }
  if (type == "Follow") return handle_follow(ctx, activity, actor, now);
  if (type == "Accept") return handle_accept(ctx, activity, actor, now);
  if (type == "Reject") return handle_reject(ctx, activity, actor);
  if (type == "Create") return handle_create(ctx, activity, actor, now);
  if (type == "Update") return handle_update(ctx, activity, actor, now);
  if (type == "Delete") return handle_delete(ctx, activity, actor);
  if (type == "Announce") return handle_announce(ctx, activity, actor, now);
  if (type == "Like") return handle_like(ctx, activity, actor, now);
  if (type == "Flag") return handle_flag(ctx, activity, actor, now);
  if (type == "Block") return handle_block(ctx, activity, actor, now);
  if (type == "Move") return handle_move(ctx, activity, actor, now);
  if (type == "Undo") {
    const auto& object = activity.contains("object") ? activity["object"] : nlohmann::json();
    const std::string inner = object.is_object() ? object.value("type", "") : "";
    if (inner == "Follow") return handle_undo_follow(ctx, object, actor);
    if (inner == "Block") {
      handle_undo_block(ctx, object, actor);
      return;
    }
    if (inner == "Announce" || inner == "Like") {
      handle_undo_interaction(ctx, object, actor);
      return;
    }
    // A bare id: whatever we recorded under it.
    if (object.is_string()) {
      if (handle_undo_interaction(ctx, object, actor)) return;
      if (handle_undo_block(ctx, object, actor)) return;
      return handle_undo_follow(ctx, object, actor);
    }
  }
  spdlog::debug("inbox: {} from {} not handled yet", type, actor.uri);
}

}  // namespace vmst::federation
