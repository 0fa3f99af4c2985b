#include "federation/handlers/reject_handler.hpp"

#include <spdlog/spdlog.h>

#include "federation/handlers/answered_follow.hpp"
#include "services/follows.hpp"

namespace vmst::federation {

void handle_reject(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor) {
  auto follower = answered_follower(ctx, activity.value("object", nlohmann::json()), actor);
  if (!follower) {
    spdlog::debug("inbox: Reject from {} answers no follow of ours", actor.uri);
    return;
  }
  ctx.db.write([&](store::Connection& c) { services::reject_outgoing_follow(c, *follower, actor); });
}

}  // namespace vmst::federation
