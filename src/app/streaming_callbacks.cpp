#include "app/streaming_callbacks.hpp"

#include "api/authentication.hpp"
#include "services/oauth_scopes.hpp"
#include "store/oauth_store.hpp"

namespace vmst::app {

streaming::StreamingCallbacks streaming_callbacks(store::Database& db) {
  streaming::StreamingCallbacks callbacks;
  callbacks.check_token = [&db](const std::string& token) -> std::optional<streaming::StreamPrincipal> {
    const std::string hash = api::credential_hash(token);
    auto record = db.read([&](store::Connection& c) { return store::find_live_access_token(c, hash); });
    if (!record || !record->account_id) return std::nullopt;
    auto scopes = services::parse_scopes(record->scopes, "");
    return streaming::StreamPrincipal{*record->account_id, scopes ? *scopes : std::vector<std::string>{}};
  };
  return callbacks;
}

}  // namespace vmst::app
