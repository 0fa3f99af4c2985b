#pragma once
// Finds remote actors: from the database when known, else fetched (a GET signed by the instance actor), checked,
// sanitised and stored. Used to verify signatures (by key id) and to process activities (by actor id).
//
// Runs on the calling thread (HTTP workers verifying inbox POSTs, the inbox processor); fetches block it for at
// most the fetch timeout.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "federation/local_urls.hpp"
#include "net/http_fetcher.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::federation {

class ResolveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ActorResolver {
 public:
  ActorResolver(store::Database& db, net::NetPolicy policy, const LocalUrls& urls);

  // The actor owning key_id. With refresh, a known actor is fetched again (its key may have rotated).
  // Throws ResolveError.
  store::AccountRecord by_key_id(const std::string& key_id, bool refresh = false);

  // The actor with this id. Throws ResolveError.
  store::AccountRecord by_uri(const std::string& uri, bool refresh = false);

  // Any other object (a Note a user searched for by URL), fetched the same way: signed by the instance actor, never
  // from a blocked server, ActivityStreams JSON only. The object's id must be on the host that finally answered
  // (after redirects), so a server cannot hand out objects in another's name. Throws ResolveError.
  nlohmann::json fetch_object(const std::string& url);

  // Throws ResolveError when federation with `authority` (host[:port]) is refused: a suspending domain block,
  // or allowlist mode without an allow. Every outbound fetch asks this first.
  void refuse_blocked_host(const std::string& authority) const;

 private:
  store::AccountRecord fetch_and_store(const std::string& uri, const std::string& key_id);
  net::FetchResponse fetch_json(const std::string& url);
  bool is_local(const std::string& uri) const;

  store::Database& db_;
  net::NetPolicy policy_;
  const LocalUrls& urls_;
};

}  // namespace vmst::federation
