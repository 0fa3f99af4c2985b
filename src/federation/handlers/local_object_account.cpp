#include "federation/handlers/local_object_account.hpp"

#include "convert/activitystreams/remote_actor.hpp"

namespace vmst::federation {

std::optional<store::AccountRecord> local_object_account(const HandlerContext& ctx, const nlohmann::json& object) {
  auto uri = convert::as::id_of(object);
  if (!uri) return std::nullopt;
  auto account = ctx.db.read([&](store::Connection& c) { return store::find_account_by_uri(c, *uri); });
  if (!account || !account->local() || account->actor_type == "Application") return std::nullopt;
  return account;
}

}  // namespace vmst::federation
