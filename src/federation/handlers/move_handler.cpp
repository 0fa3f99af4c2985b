#include "federation/handlers/move_handler.hpp"

#include <spdlog/spdlog.h>

#include "convert/activitystreams/remote_actor.hpp"
#include "services/account_moves.hpp"
#include "services/outbox.hpp"

namespace vmst::federation {

void handle_move(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                 int64_t now) {
  if (actor.local()) return;
  auto object = convert::as::id_of(activity.value("object", nlohmann::json()));
  auto target_uri = convert::as::id_of(activity.value("target", nlohmann::json()));
  if (!object || !target_uri) {
    spdlog::debug("inbox: Move without object or target from {} ignored", actor.uri);
    return;
  }
  if (*target_uri == actor.uri) {
    spdlog::info("inbox: Move of {} to itself refused", actor.uri);
    return;
  }
  store::AccountRecord target;
  try {
    // Fresh, not cached: alsoKnownAs must say so now.
    target = ctx.resolver.by_uri(*target_uri, true);
  } catch (const ResolveError& e) {
    spdlog::info("inbox: Move of {} refused: {}", actor.uri, e.what());
    return;
  }
  if (actor.moved_to_account_id == target.id) return;  // a replay: already moved there
  if (auto refusal = services::move_refusal(actor, *object, target)) {
    spdlog::info("inbox: Move of {} to {} refused: {}", actor.uri, target.uri, *refusal);
    return;
  }
  services::Outbox outbox(ctx.enqueue);
  int moved = ctx.db.write([&](store::Connection& c) { return services::move_followers(c, outbox, actor, target, now); });
  spdlog::info("inbox: {} moved to {}; {} local follower(s) moved", actor.uri, target.uri, moved);
  if (outbox.sent()) ctx.wake_delivery();
}

}  // namespace vmst::federation
