#include "federation/handlers/block_handler.hpp"

#include <spdlog/spdlog.h>

#include "convert/activitystreams/remote_actor.hpp"
#include "federation/handlers/local_object_account.hpp"
#include "services/blocks.hpp"
#include "services/outbox.hpp"
#include "store/block_store.hpp"

namespace vmst::federation {

void handle_block(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                  int64_t now) {
  if (actor.local()) return;
  auto target = local_object_account(ctx, activity.value("object", nlohmann::json()));
  if (!target) {
    spdlog::debug("inbox: Block of an unknown or non-local actor from {} ignored", actor.uri);
    return;
  }
  services::Outbox outbox(ctx.enqueue);
  ctx.db.write([&](store::Connection& c) {
    services::record_incoming_block(c, outbox, actor, *target, convert::as::id_of(activity), now);
  });
  if (outbox.sent()) ctx.wake_delivery();
}

bool handle_undo_block(const HandlerContext& ctx, const nlohmann::json& block, const store::AccountRecord& actor) {
  std::optional<int64_t> target_id;
  if (block.is_object() && block.contains("object")) {
    auto blocker = convert::as::id_of(block.value("actor", nlohmann::json()));
    if (blocker && *blocker != actor.uri) return false;  // only the blocker lifts its block
    if (auto target = local_object_account(ctx, block["object"])) target_id = target->id;
  }
  if (!target_id) {
    auto block_id = convert::as::id_of(block);
    if (!block_id) return false;
    auto pair = ctx.db.read([&](store::Connection& c) { return store::block_by_uri(c, *block_id); });
    if (!pair || pair->first != actor.id) return false;
    target_id = pair->second;
  }
  return ctx.db.write([&](store::Connection& c) { return store::delete_block(c, actor.id, *target_id).has_value(); });
}

}  // namespace vmst::federation
