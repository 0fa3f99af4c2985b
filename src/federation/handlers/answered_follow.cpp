#include "federation/handlers/answered_follow.hpp"

#include "convert/activitystreams/remote_actor.hpp"
#include "store/follow_store.hpp"

namespace vmst::federation {

std::optional<store::AccountRecord> answered_follower(const HandlerContext& ctx, const nlohmann::json& object,
                                                      const store::AccountRecord& actor) {
  if (object.is_object() && object.contains("type") && object["type"] != "Follow") return std::nullopt;
  return ctx.db.read([&](store::Connection& c) -> std::optional<store::AccountRecord> {
    // First by the Follow's id, which we minted and recorded with the request (or the follow, once accepted).
    if (auto id = convert::as::id_of(object)) {
      if (auto request = store::find_follow_request_by_uri(c, *id)) {
        if (request->target_account_id != actor.id) return std::nullopt;
        return store::find_account(c, request->account_id);
      }
      if (auto pair = store::follow_by_uri(c, *id)) {
        if (pair->second != actor.id) return std::nullopt;
        return store::find_account(c, pair->first);
      }
    }
    // Else by who followed whom, for peers that answer with a Follow of their own making.
    if (!object.is_object()) return std::nullopt;
    auto follower_uri = convert::as::id_of(object.value("actor", nlohmann::json()));
    auto target_uri = convert::as::id_of(object.value("object", nlohmann::json()));
    if (!follower_uri || !target_uri || *target_uri != actor.uri) return std::nullopt;
    auto follower = store::find_account_by_uri(c, *follower_uri);
    if (!follower || !follower->local()) return std::nullopt;
    return follower;
  });
}

}  // namespace vmst::federation
