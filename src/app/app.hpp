#pragma once
// The running server: owns the database, the router and the HTTP listener, and starts and stops them in order.
//
// Threads: the caller of run() accepts connections; HTTP requests run on the server's worker pool; stop() may be
// called from any thread (the serve command calls it from its signal-waiting thread).
#include <memory>

#include "api/api_context.hpp"
#include "app/config.hpp"
#include "delivery/delivery_engine.hpp"
#include "federation/actor_resolver.hpp"
#include "federation/stale_actor_refresher.hpp"
#include "federation/fetch_authorization.hpp"
#include "federation/inbox_intake.hpp"
#include "federation/inbox_processor.hpp"
#include "federation/local_urls.hpp"
#include "federation/signature_verifier.hpp"
#include "federation/webfinger_client.hpp"
#include "http/rate_limit_policy.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "services/remote_media_cache.hpp"
#include "services/remote_media_queue.hpp"
#include "store/database.hpp"
#include "streaming/commit_publisher.hpp"
#include "streaming/event_bus.hpp"
#include "streaming/streaming_options.hpp"

namespace vmst::streaming {
class StreamingServer;  // its header brings Boost.Asio; only app.cpp needs it
}

namespace vmst::app {

store::DatabaseOptions database_options(const Config& config);
delivery::DeliveryOptions delivery_options(const Config& config);
streaming::StreamingOptions streaming_options(const Config& config);
// Outbound HTTP settings: federation.allow_* and our User-Agent, vmst/x.y (+https://domain/).
net::NetPolicy net_policy(const Config& config);
http::RateLimitSettings rate_limit_settings(const Config& config);
services::RemoteMediaLimits remote_media_limits(const Config& config);

class App {
 public:
  explicit App(Config config);
  ~App();

  // Opens the database, applies pending migrations, registers routes and binds the socket. Throws on failure.
  void start();
  int port() const;
  int streaming_port() const;
  // Serves until stop(); then stops background work and closes the database.
  void run();
  void stop();

  const Config& config() const { return config_; }
  store::Database& database() { return *db_; }
  delivery::DeliveryEngine& delivery() { return *delivery_; }
  // Publish here what streaming clients should see (topics: streaming/topics.hpp). Valid from construction.
  streaming::EventBus& event_bus() { return *event_bus_; }

 private:
  Config config_;
  federation::LocalUrls urls_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<streaming::EventBus> event_bus_;  // outlives the streaming server and every publisher
  // The database's commit listener: every thread that writes publishes through it, so it outlives them all.
  std::unique_ptr<streaming::CommitPublisher> commit_publisher_;
  // Copies remote media on its own worker threads; fed by the resolver (actors) and the inbox processor (statuses),
  // waited on by /media_proxy. Started with the other background work, stopped before the database closes.
  std::unique_ptr<services::RemoteMediaQueue> remote_media_;
  std::unique_ptr<federation::ActorResolver> resolver_;
  // Refetches stale remote actors in the background; outlives every thread that uses the resolver.
  std::unique_ptr<federation::StaleActorRefresher> stale_actors_;
  std::unique_ptr<federation::SignatureVerifier> verifier_;
  std::unique_ptr<federation::InboxIntake> intake_;
  std::unique_ptr<federation::FetchAuthorization> fetch_authorization_;
  std::unique_ptr<federation::WebfingerClient> webfinger_;
  std::unique_ptr<api::ApiContext> api_;  // what the client-API handlers share
  http::Router router_;
  std::unique_ptr<http::RateLimitPolicy> rate_limits_;
  std::unique_ptr<http::HttpServer> server_;
  std::unique_ptr<streaming::StreamingServer> streaming_;  // its own listener and io thread; stopped after server_
  std::unique_ptr<delivery::DeliveryEngine> delivery_;  // started after the server binds, stopped after it stops
  std::unique_ptr<federation::InboxProcessor> processor_;  // one background thread applying stored activities
};

}  // namespace vmst::app
