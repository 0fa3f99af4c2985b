#include "federation/handlers/accept_handler.hpp"

#include <spdlog/spdlog.h>

#include "federation/handlers/answered_follow.hpp"
#include "services/follows.hpp"

namespace vmst::federation {

void handle_accept(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                   int64_t now) {
  auto follower = answered_follower(ctx, activity.value("object", nlohmann::json()), actor);
  if (!follower) {
    spdlog::debug("inbox: Accept from {} answers no follow request of ours", actor.uri);
    return;
  }
  ctx.db.write([&](store::Connection& c) { services::accept_outgoing_follow(c, *follower, actor, now); });
}

}  // namespace vmst::federation
