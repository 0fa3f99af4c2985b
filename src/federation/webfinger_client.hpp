#pragma once
// Resolves handles ("user@host", "@user@host", "acct:user@host") to actors: WebFinger on the handle's host
// (https, or http when federation.allow_http is on), then the `self` link through the ActorResolver. The handle
// must round-trip: the actor's preferredUsername and host must name the same handle, as Mastodon checks.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "federation/actor_resolver.hpp"
#include "net/http_fetcher.hpp"

namespace vmst::federation {

class WebfingerClient {
 public:
  WebfingerClient(ActorResolver& resolver, net::NetPolicy policy) : resolver_(resolver), policy_(std::move(policy)) {}

  // Throws ResolveError.
  store::AccountRecord resolve_handle(const std::string& handle);

  // The handle's remote-interaction template (the `http://ostatus.org/schema/1.0/subscribe` link, "…{uri}…"), or
  // nullopt when its server names none. Throws ResolveError when the handle is malformed or WebFinger fails.
  std::optional<std::string> subscribe_template(const std::string& handle);

 private:
  struct Jrd {
    std::string username;
    std::string host;  // lower case
    nlohmann::json links;  // an array
  };
  Jrd fetch_jrd(const std::string& handle);

  ActorResolver& resolver_;
  net::NetPolicy policy_;
};

}  // namespace vmst::federation
