#pragma once
// Resolves handles ("user@host", "@user@host", "acct:user@host") to actors: WebFinger on the handle's host
// (https, or http when federation.allow_http is on), then the `self` link through the ActorResolver. The handle
// must round-trip: the actor's preferredUsername and host must name the same handle, as Mastodon checks.
#include <string>

#include "federation/actor_resolver.hpp"
#include "net/http_fetcher.hpp"

namespace vmst::federation {

class WebfingerClient {
 public:
  WebfingerClient(ActorResolver& resolver, net::NetPolicy policy) : resolver_(resolver), policy_(std::move(policy)) {}

  // Throws ResolveError.
  store::AccountRecord resolve_handle(const std::string& handle);

 private:
  ActorResolver& resolver_;
  net::NetPolicy policy_;
};

}  // namespace vmst::federation
