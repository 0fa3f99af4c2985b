#pragma once
// Actor documents:
//   GET /users/:username   the actor as ActivityStreams JSON; browsers are redirected to /@username
//   GET /@:username        the profile page; ActivityStreams JSON when asked for it (as Mastodon does)
//   GET /actor             the instance actor (never behind authorized fetch: peers need its key)
#include "app/config.hpp"
#include "federation/local_urls.hpp"
#include "http/router.hpp"
#include "store/database.hpp"

namespace vmst::activitypub {

void add_actor_routes(http::Router& router, store::Database& db, const app::Config& config,
                      const federation::LocalUrls& urls);

}  // namespace vmst::activitypub
