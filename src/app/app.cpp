#include "app/app.hpp"

#include <algorithm>

#include "media/vips_runtime.hpp"

#include <spdlog/spdlog.h>

#include "activitypub/actor_routes.hpp"
#include "api/client_api_routes.hpp"
#include "app/streaming_callbacks.hpp"
#include "activitypub/collection_routes.hpp"
#include "activitypub/discovery_routes.hpp"
#include "activitypub/inbox_routes.hpp"
#include "delivery/enqueue.hpp"
#include "http/health_routes.hpp"
#include "services/blocklist_subscriptions.hpp"
#include "services/domain_media_clear.hpp"
#include "services/domain_purge.hpp"
#include "services/instance_actor.hpp"
#include "services/polls.hpp"
#include "store/commit_event_relay.hpp"
#include "services/scheduled_statuses.hpp"
#include "store/domain_block_store.hpp"
#include "store/migrations.hpp"
#include "store/relationship_store.hpp"
#include "streaming/streaming_server.hpp"
#include "time/timestamps.hpp"
#include "web/media_file_routes.hpp"
#include "web/media_proxy_routes.hpp"
#include "web/public_page_routes.hpp"
#include "web/remote_interaction_routes.hpp"
#include "web/static_files.hpp"
#include "web/web_app_routes.hpp"
#include "version.hpp"

namespace vmst::app {

namespace {
// A relayed change older than this was made while no server ran: no stream was open to hear it.
constexpr int64_t kRelayedEventMaxAgeMs = 60'000;
// Batches of a pending domain purge run each second: the rest of the periodic work, and the inbox on the same
// thread, wait no longer than these take.
constexpr int kPurgeBatchesPerTick = 4;
constexpr int64_t kUnattendedPurgeAfterMs = 10'000;
}  // namespace

store::DatabaseOptions database_options(const Config& config) {
  return store::DatabaseOptions{config.database_path(), config.storage.reader_connections,
                                config.storage.busy_timeout_ms, config.storage.cache_mib};
}

delivery::DeliveryOptions delivery_options(const Config& config) {
  const auto& d = config.delivery;
  delivery::DeliveryOptions o;
  o.workers = d.workers;
  o.per_host_concurrency = d.per_host_concurrency;
  o.claim_batch = d.claim_batch;
  o.connect_timeout_seconds = d.connect_timeout_seconds;
  o.read_timeout_seconds = d.read_timeout_seconds;
  o.max_response_bytes = static_cast<size_t>(d.max_response_bytes);
  o.max_idle_connections = static_cast<size_t>(d.max_idle_connections);
  o.poll_interval_ms = d.poll_interval_ms;
  o.stop_grace_ms = d.stop_grace_ms;
  o.keep_finished_hours = d.keep_finished_hours;
  o.retry.max_attempts = d.max_attempts;
  o.retry.base_ms = d.retry_base_ms;
  o.retry.step_ms = d.retry_step_ms;
  o.retry.max_delay_ms = d.retry_max_delay_ms;
  o.breaker.failure_threshold = d.breaker_threshold;
  o.breaker.cool_off_ms = int64_t{d.breaker_cool_off_seconds} * 1000;
  o.breaker.unavailable_after_days = d.unavailable_after_days;
  return o;
}

streaming::StreamingOptions streaming_options(const Config& config) {
  streaming::StreamingOptions o;
  o.host = config.http.streaming_listen_host;
  o.port = config.http.streaming_listen_port;
  return o;
}

net::NetPolicy net_policy(const Config& config) {
  // Some servers refuse requests without a product token; the URL tells their admins who we are.
  return net::NetPolicy{config.federation.allow_http, config.federation.allow_private_addresses,
                        std::string("vmst/") + kVersion + " (+" + config.base_url() + "/)"};
}

http::RateLimitSettings rate_limit_settings(const Config& config) {
  const auto& r = config.rate_limits;
  http::RateLimitSettings s;
  s.enabled = r.enabled;
  s.api = {r.api_requests, int64_t{r.api_window_seconds} * 1000};
  s.sign_in = {r.sign_in_attempts, int64_t{r.sign_in_window_seconds} * 1000};
  s.sign_up = {r.sign_ups, int64_t{r.sign_up_window_seconds} * 1000};
  return s;
}

services::RemoteMediaLimits remote_media_limits(const Config& config) {
  // Remote attachments are held to the upload limits, as Mastodon holds them.
  const auto& m = config.media;
  return services::RemoteMediaLimits{std::max(m.image_size_limit, m.video_size_limit), m.image_size_limit,
                                     m.video_size_limit, m.image_matrix_limit, services::kRemoteFetchTimeoutSeconds};
}

namespace {

const char* job_kind(services::RemoteMediaJob::Kind kind) {
  switch (kind) {
    case services::RemoteMediaJob::Kind::Attachment: return "attachment";
    case services::RemoteMediaJob::Kind::Avatar: return "avatar of account";
    case services::RemoteMediaJob::Kind::Header: return "header of account";
    case services::RemoteMediaJob::Kind::Emoji: return "emoji";
  }
  return "?";
}

void log_copy(const services::RemoteMediaJob& job, const services::CopyResult& result) {
  switch (result.outcome) {
    case services::CopyOutcome::Copied:
      spdlog::debug("remote media: copied {} {}", job_kind(job.kind), job.id);
      break;
    case services::CopyOutcome::Refused:
    case services::CopyOutcome::Failed:
      spdlog::info("remote media: no copy of {} {}: {}", job_kind(job.kind), job.id, result.reason);
      break;
    case services::CopyOutcome::AlreadyCopied:
    case services::CopyOutcome::Gone:
      break;
  }
}

}  // namespace

App::App(Config config)
    : config_(std::move(config)), urls_(config_.base_url()), event_bus_(std::make_unique<streaming::EventBus>()) {}

// Members go in reverse order: the delivery engine and the HTTP server (and their joined threads) before the
// database they used.
App::~App() = default;

void App::start() {
  db_ = std::make_unique<store::Database>(database_options(config_));
  int applied = store::apply_migrations(*db_);
  if (applied > 0) spdlog::info("applied {} database migration(s)", applied);
  // libvips is opened on the first image; its environment is set here, before this App starts any thread (main()
  // has done it already; tests that build an App have not).
  media::prepare_vips_environment();

  services::ensure_instance_actor(*db_, urls_, config_.instance.domain);
  db_->write([&](store::Connection& c) {
    store::set_allowlist_mode(c, config_.federation.mode == "allowlist", now_millis());
  });

  // Live streams hear of every committed change, whichever thread wrote it.
  commit_publisher_ = std::make_unique<streaming::CommitPublisher>(*db_, urls_, *event_bus_);
  db_->set_commit_listener([this](std::vector<store::CommitEvent> events) { commit_publisher_->publish(events); });
  event_bus_->set_hidden_from_viewer([this](int64_t viewer, const std::vector<int64_t>& involved) {
    return db_->read([&](store::Connection& c) {
      return store::blocks_or_mutes_any(c, viewer, involved, now_millis());
    });
  });

  http::add_health_routes(router_, *db_);
  web::add_static_routes(router_);
  web::add_media_file_routes(router_, config_.media_path());
  web::add_web_app_routes(router_, config_.base_url(), config_.streaming_url());
  activitypub::add_discovery_routes(router_, *db_, config_, urls_);
  activitypub::add_actor_routes(router_, *db_, config_, urls_);
  web::add_public_page_routes(router_, web::PublicPages{*db_, config_, urls_});

  remote_media_ = std::make_unique<services::RemoteMediaQueue>(
      [this, storage = media::MediaStorage(config_.media_path()), policy = net_policy(config_),
       limits = remote_media_limits(config_)](const services::RemoteMediaJob& job) {
        log_copy(job, services::copy_remote_media(
                          services::RemoteMediaEnv{*db_, storage, policy, limits, &remote_media_->failures()}, job));
      },
      services::RemoteMediaQueueOptions{});
  web::add_media_proxy_routes(router_, *db_, urls_, remote_media_.get(), web::kMediaProxyWait);

  resolver_ = std::make_unique<federation::ActorResolver>(*db_, net_policy(config_), urls_);
  stale_actors_ = std::make_unique<federation::StaleActorRefresher>(*resolver_);
  verifier_ = std::make_unique<federation::SignatureVerifier>(*resolver_);
  intake_ = std::make_unique<federation::InboxIntake>(*db_, *verifier_);
  activitypub::add_inbox_routes(router_, *db_, *intake_);
  fetch_authorization_ = std::make_unique<federation::FetchAuthorization>(
      *db_, config_.federation.authorized_fetch ? verifier_.get() : nullptr);
  activitypub::add_collection_routes(router_, *db_, urls_, *fetch_authorization_);

  webfinger_ = std::make_unique<federation::WebfingerClient>(*resolver_, net_policy(config_));
  web::add_remote_interaction_routes(router_, web::PublicPages{*db_, config_, urls_}, *webfinger_);
  // The delivery engine starts after the server binds; handlers only reach it through these once requests flow.
  api_ = std::make_unique<api::ApiContext>(api::ApiContext{
      *db_, config_, urls_, *resolver_, *webfinger_, delivery::enqueue, [this] {
        if (delivery_) delivery_->wake();
      }});
  api::add_client_api_routes(router_, *api_);

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
  rate_limits_ = std::make_unique<http::RateLimitPolicy>(rate_limit_settings(config_));
  server_->set_rate_limits(rate_limits_.get());
  server_->bind();
  spdlog::info("vmst {} serving {} on {}:{} (data in {})", kVersion, config_.base_url(), options.host, server_->port(),
               config_.storage.data_dir.string());

  streaming_ = std::make_unique<streaming::StreamingServer>(streaming_options(config_), *event_bus_,
                                                            streaming_callbacks(*db_));
  streaming_->start();
  spdlog::info("streaming API on {}:{} (advertised to clients as {})", config_.http.streaming_listen_host,
               streaming_->port(), config_.streaming_url());

  delivery_ = std::make_unique<delivery::DeliveryEngine>(*db_, net_policy(config_), delivery_options(config_));
  delivery_->start();

  processor_ = std::make_unique<federation::InboxProcessor>(federation::HandlerContext{
      *db_, *resolver_, urls_, delivery::enqueue, [this] { delivery_->wake(); },
      [this](int64_t status_id) {
        for (const auto& job : services::uncached_media_of_status(*db_, status_id)) remote_media_->request(job);
      },
      config_.media_path()});
  intake_->set_on_stored([this] { processor_->wake(); });
  intake_->set_on_signer([this](const store::AccountRecord& signer) {
    stale_actors_->refresh_if_stale(signer, now_millis());
    // An actor we hear from gets its avatar and header copied (from the record in hand: no extra query).
    for (const auto& job : services::uncached_profile_images(signer)) remote_media_->request(job);
  });
  // Ended polls are closed within a couple of seconds (notifications, then the final counts to remote servers);
  // new counts of running local polls go out once their votes have gathered for a while; subscribed block lists
  // are fetched again when due; due scheduled statuses are posted. All of it runs on the inbox processor's thread.
  processor_->set_periodic_task(
      [this] {
        const int64_t now = now_millis();
        // Posting wakes the delivery engine itself; a mention of an unknown remote account may fetch it first.
        services::PostingContext posting{*db_, urls_, config_.instance.domain, webfinger_.get(), delivery::enqueue,
                                         [this] { delivery_->wake(); }};
        services::publish_due_scheduled_statuses(posting, now);
        int queued = services::close_ended_polls(*db_, urls_, delivery::enqueue, now);
        queued += services::send_poll_count_updates(*db_, urls_, delivery::enqueue, now);
        // Subscribed block lists: a fetch blocks this thread for at most the fetch timeout, a few times a day.
        if (services::refresh_due_blocklists(*db_, net_policy(config_), delivery::enqueue, config_.media_path(),
                                             int64_t{config_.federation.blocklist_refresh_seconds} * 1000, now)) {
          ++queued;
        }
        if (queued > 0) delivery_->wake();
        // A suspended domain's purge left unfinished (by a CLI stopped half-way) goes on a few batches at a time; a
        // block set moments ago is left to the command purging it.
        services::run_pending_purges(*db_, config_.media_path(), kPurgeBatchesPerTick, services::kPurgeBatchSize,
                                     now - kUnattendedPurgeAfterMs);
        services::run_pending_media_clears(*db_, config_.media_path(), kPurgeBatchesPerTick,
                                           services::kMediaClearBatchSize, now - kUnattendedPurgeAfterMs);
        // What the admin CLI committed reaches live streams here (store/commit_event_relay.hpp).
        if (db_->read([](store::Connection& c) { return store::has_relayed_commit_events(c); })) {
          auto relayed = db_->write([&](store::Connection& c) {
            return store::take_relayed_commit_events(c, now, kRelayedEventMaxAgeMs);
          });
          if (!relayed.empty()) commit_publisher_->publish(relayed);
        }
      },
      std::chrono::seconds(1));
  processor_->start();
  stale_actors_->start();
  remote_media_->start();
}

int App::port() const { return server_ ? server_->port() : 0; }

int App::streaming_port() const { return streaming_ ? streaming_->port() : 0; }

void App::run() {
  server_->run();
  spdlog::info("HTTP server stopped");
  if (streaming_) streaming_->stop();
  // The processor first: it may enqueue deliveries until it stops.
  if (processor_) processor_->stop();
  if (stale_actors_) stale_actors_->stop();
  // After everything that queues copies; each worker finishes the fetch in hand (bounded by its timeout).
  if (remote_media_) remote_media_->stop();
  if (delivery_) delivery_->stop();
}

void App::stop() {
  if (server_) server_->stop();
}

}  // namespace vmst::app
