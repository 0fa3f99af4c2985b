#pragma once
// Answers "who is this?" for WebFinger and NodeInfo: local actors by handle or URL, and usage figures.
#include <string>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/instance_stats_store.hpp"

namespace vmst::services {

// A local actor named by a WebFinger resource: "acct:alice@domain" (also without "acct:" and with a leading
// "@"), the actor id, or the profile page URL. The instance actor answers to "acct:<domain>@<domain>" and its id.
// Throws ServiceError(Invalid) for a malformed resource, ServiceError(NotFound) for anything else not ours.
store::AccountRecord resolve_local_resource(store::Database& db, const federation::LocalUrls& urls,
                                            const std::string& domain, const std::string& resource);

store::UsageCounts usage_counts(store::Database& db);

}  // namespace vmst::services
