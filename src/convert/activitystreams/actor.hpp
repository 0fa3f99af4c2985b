#pragma once
// Local accounts as ActivityStreams actors, shaped as Mastodon shapes them (its ActorSerializer), because every
// peer was written against that shape.
#include <nlohmann/json.hpp>
#include <string>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"

namespace vmst::convert::as {

// A local Person/Service/Group, or the instance actor (Application). `domain` is the instance domain, for the
// FEP-2c59 `webfinger` handle.
nlohmann::json local_actor(const store::AccountRecord& account, const federation::LocalUrls& urls,
                           const std::string& domain);

}  // namespace vmst::convert::as
