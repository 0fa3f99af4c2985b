#pragma once
// Actor collections: GET /users/:username/followers and /following (counts, and pages of actor ids unless the
// user hides their network, as Mastodon does). Signed requests only under authorized fetch.
#include "federation/fetch_authorization.hpp"
#include "federation/local_urls.hpp"
#include "http/router.hpp"
#include "store/database.hpp"

namespace vmst::activitypub {

void add_collection_routes(http::Router& router, store::Database& db, const federation::LocalUrls& urls,
                           const federation::FetchAuthorization& authorization);

}  // namespace vmst::activitypub
