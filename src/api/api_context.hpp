#pragma once
// What the client-API handlers share: passed by reference to every add_*_routes function, owned by App.
// Handlers run on the HTTP pool; everything reachable from here is safe to use from several threads at once.
#include <functional>

#include "app/config.hpp"
#include "federation/actor_resolver.hpp"
#include "federation/handlers/handler_context.hpp"
#include "federation/local_urls.hpp"
#include "federation/webfinger_client.hpp"
#include "store/database.hpp"

namespace vmst::api {

struct ApiContext {
  store::Database& db;
  const app::Config& config;
  const federation::LocalUrls& urls;
  federation::ActorResolver& resolver;      // remote actors by id (fetches block the worker up to the timeout)
  federation::WebfingerClient& webfinger;  // remote handles
  federation::EnqueueDelivery enqueue;      // inside a write transaction
  std::function<void()> wake_delivery;      // after the commit
};

}  // namespace vmst::api
