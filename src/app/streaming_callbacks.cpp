#include "app/streaming_callbacks.hpp"

#include "api/authentication.hpp"
#include "services/oauth_scopes.hpp"
#include "store/list_store.hpp"
#include "store/oauth_store.hpp"

namespace vmst::app {

streaming::StreamingCallbacks streaming_callbacks(store::Database& db) {
  streaming::StreamingCallbacks callbacks;
  callbacks.check_token = [&db](const std::string& token) -> std::optional<streaming::StreamPrincipal> {
    const std::string hash = api::credential_hash(token);
    auto record = db.read([&](store::Connection& c) { return store::find_live_access_token(c, hash); });
    if (!record || !record->account_id || record->user_disabled) return std::nullopt;
    auto scopes = services::parse_scopes(record->scopes, "");
    return streaming::StreamPrincipal{*record->account_id, scopes ? *scopes : std::vector<std::string>{}};
  };
  callbacks.owns_list = [&db](int64_t viewer, int64_t list_id) {
    return db.read([&](store::Connection& c) { return store::find_list(c, viewer, list_id).has_value(); });
  };
  return callbacks;
}

}  // namespace vmst::app
