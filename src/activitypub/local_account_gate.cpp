#include "activitypub/local_account_gate.hpp"

#include "http/error_responses.hpp"
#include "store/account_moderation_store.hpp"

namespace vmst::activitypub {

store::AccountRecord require_servable_local_account(store::Database& db, const std::string& username,
                                                    LocalAccountUse use) {
  auto found = db.read([&](store::Connection& c) {
    auto account = store::find_local_account_by_username(c, username);
    std::optional<std::pair<store::AccountRecord, store::LocalAccountAvailability>> out;
    if (account) out.emplace(*account, store::local_account_availability(c, account->id));
    return out;
  });
  // The instance actor lives at /actor only.
  if (!found || found->first.actor_type == "Application" || !found->second.approved) {
    throw http::HttpError(404, "Record not found");
  }
  if (found->second.deleted) throw http::HttpError(410, "Gone");
  if (use == LocalAccountUse::Content && found->first.suspended_at) throw http::HttpError(403, "Forbidden");
  return found->first;
}

}  // namespace vmst::activitypub
