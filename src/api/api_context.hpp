#pragma once
// What the client-API handlers share: passed by reference to every add_*_routes function, owned by App.
// Handlers run on the HTTP pool; everything reachable from here is safe to use from several threads at once.
#include "app/config.hpp"
#include "federation/local_urls.hpp"
#include "store/database.hpp"

namespace vmst::api {

struct ApiContext {
  store::Database& db;
  const app::Config& config;
  const federation::LocalUrls& urls;
};

}  // namespace vmst::api
