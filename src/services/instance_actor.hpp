#pragma once
// The instance actor: an `Application` named after the domain that signs fetches belonging to no user (keys,
// objects from authorized-fetch servers) and reports. Created once, at the first start.
#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

// Returns the instance actor, creating it (with a fresh RSA key) if the database has none.
store::AccountRecord ensure_instance_actor(store::Database& db, const federation::LocalUrls& urls,
                                           const std::string& domain);

}  // namespace vmst::services
