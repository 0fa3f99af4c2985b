#include "app/app.hpp"

#include <spdlog/spdlog.h>

#include "activitypub/actor_routes.hpp"
#include "activitypub/collection_routes.hpp"
#include "activitypub/discovery_routes.hpp"
#include "activitypub/inbox_routes.hpp"
#include "http/health_routes.hpp"
#include "services/instance_actor.hpp"
#include "store/migrations.hpp"
#include "web/static_files.hpp"
#include "version.hpp"

namespace vmst::app {

store::DatabaseOptions database_options(const Config& config) {
  return store::DatabaseOptions{config.database_path(), config.storage.reader_connections,
                                config.storage.busy_timeout_ms, config.storage.cache_mib};
}

net::NetPolicy net_policy(const Config& config) {
  // Some servers refuse requests without a product token; the URL tells their admins who we are.
  return net::NetPolicy{config.federation.allow_http, config.federation.allow_private_addresses,
                        std::string("vmst/") + kVersion + " (+" + config.base_url() + "/)"};
}

App::App(Config config) : config_(std::move(config)), urls_(config_.base_url()) {}

// Members go in reverse order: the HTTP server (and its joined workers) before the database it used.
App::~App() = default;

void App::start() {
  db_ = std::make_unique<store::Database>(database_options(config_));
  int applied = store::apply_migrations(*db_);
  if (applied > 0) spdlog::info("applied {} database migration(s)", applied);

  services::ensure_instance_actor(*db_, urls_, config_.instance.domain);

  http::add_health_routes(router_, *db_);
  web::add_static_routes(router_);
  activitypub::add_discovery_routes(router_, *db_, config_, urls_);
  activitypub::add_actor_routes(router_, *db_, config_, urls_);

  resolver_ = std::make_unique<federation::ActorResolver>(*db_, net_policy(config_), urls_);
  verifier_ = std::make_unique<federation::SignatureVerifier>(*resolver_);
  intake_ = std::make_unique<federation::InboxIntake>(*db_, *verifier_);
  activitypub::add_inbox_routes(router_, *db_, *intake_);
  fetch_authorization_ = std::make_unique<federation::FetchAuthorization>(
      *db_, config_.federation.authorized_fetch ? verifier_.get() : nullptr);
  activitypub::add_collection_routes(router_, *db_, urls_, *fetch_authorization_);

  http::ServerOptions options;
  options.host = config_.http.listen_host;
  options.port = config_.http.listen_port;
  options.threads = config_.http.threads;
  options.max_body_bytes = static_cast<size_t>(config_.http.max_body_bytes);
  options.read_timeout_seconds = config_.http.read_timeout_seconds;
  options.write_timeout_seconds = config_.http.write_timeout_seconds;
  options.keep_alive_timeout_seconds = config_.http.keep_alive_timeout_seconds;
  options.keep_alive_max_requests = config_.http.keep_alive_max_requests;
  options.listen_backlog = config_.http.listen_backlog;
  options.access_log = config_.http.access_log;
  server_ = std::make_unique<http::HttpServer>(options, router_);
  server_->bind();
  spdlog::info("vmst {} serving {} on {}:{} (data in {})", kVersion, config_.base_url(), options.host, server_->port(),
               config_.storage.data_dir.string());
}

int App::port() const { return server_ ? server_->port() : 0; }

void App::run() {
  server_->run();
  spdlog::info("HTTP server stopped");
}

void App::stop() {
  if (server_) server_->stop();
}

}  // namespace vmst::app
