#pragma once
// Discovery endpoints other servers and crawlers call first:
//   GET /.well-known/webfinger   JRD for acct: handles and actor URLs
//   GET /.well-known/host-meta   XRD with the lrdd template (WebFinger fallback)
//   GET /.well-known/nodeinfo    links to NodeInfo 2.0 and 2.1
//   GET /nodeinfo/2.0, /nodeinfo/2.1
#include "app/config.hpp"
#include "federation/local_urls.hpp"
#include "http/router.hpp"
#include "store/database.hpp"

namespace vmst::activitypub {

void add_discovery_routes(http::Router& router, store::Database& db, const app::Config& config,
                          const federation::LocalUrls& urls);

}  // namespace vmst::activitypub
