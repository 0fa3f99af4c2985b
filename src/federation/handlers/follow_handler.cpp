#include "federation/handlers/follow_handler.hpp"

#include <spdlog/spdlog.h>

#include "convert/activitystreams/activities.hpp"
#include "convert/activitystreams/remote_actor.hpp"
#include "federation/handlers/local_object_account.hpp"
#include "services/follows.hpp"
#include "store/follow_store.hpp"
#include "store/ids.hpp"

namespace vmst::federation {

void handle_follow(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                   int64_t now) {
  auto target = local_object_account(ctx, activity.value("object", nlohmann::json()));
  if (!target) {
    spdlog::debug("inbox: Follow of an unknown or non-local actor from {} ignored", actor.uri);
    return;
  }
  std::optional<std::string> follow_id;
  if (activity.contains("id") && activity["id"].is_string()) follow_id = activity["id"].get<std::string>();
  // Answer with a compact reference when the Follow has an id; peers match the Accept on it.
  const nlohmann::json follow =
      follow_id ? convert::as::follow_reference(*follow_id, actor.uri, target->uri) : activity;

  bool enqueued = ctx.db.write([&](store::Connection& c) {
    auto outcome = services::record_incoming_follow(c, actor, *target, follow_id, now);
    nlohmann::json answer;
    switch (outcome) {
      case services::FollowOutcome::Accepted:
      case services::FollowOutcome::AlreadyFollowing:
        answer = convert::as::accept_follow(*target, follow, store::next_id());
        break;
      case services::FollowOutcome::Refused:
        answer = convert::as::reject_follow(*target, follow, store::next_id());
        break;
      case services::FollowOutcome::Pending:
        return false;  // answered when the user approves or rejects the request
    }
    ctx.enqueue(c, target->id, answer.dump(), {actor.inbox_url}, now);
    return true;
  });
  if (enqueued) ctx.wake_delivery();
}

void handle_undo_follow(const HandlerContext& ctx, const nlohmann::json& follow, const store::AccountRecord& actor) {
  std::optional<store::AccountRecord> target;
  if (follow.is_object()) {
    auto follower = convert::as::id_of(follow.value("actor", nlohmann::json()));
    if (follower && *follower != actor.uri) return;  // only the follower can undo its follow
    target = local_object_account(ctx, follow.value("object", nlohmann::json()));
  }
  if (!target) {
    // Only the Follow's id was given: find what it recorded.
    auto follow_id = convert::as::id_of(follow);
    if (!follow_id) return;
    auto pair = ctx.db.read([&](store::Connection& c) { return store::follow_by_uri(c, *follow_id); });
    if (!pair || pair->first != actor.id) return;
    target = ctx.db.read([&](store::Connection& c) { return store::find_account(c, pair->second); });
  }
  if (!target) return;
  ctx.db.write([&](store::Connection& c) { services::record_unfollow(c, actor, *target); });
}

}  // namespace vmst::federation
