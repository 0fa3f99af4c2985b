#include "delivery/delivery_engine.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <set>

#include "delivery/circuit_breaker.hpp"
#include "store/account_store.hpp"
#include "store/delivery_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::delivery {

namespace {

constexpr size_t kFlushBatch = 128;        // results that trigger a write without waiting for flush_interval_ms
constexpr int64_t kHealthRefreshMs = 1000;
constexpr int64_t kPruneEveryMs = 60'000;
constexpr int kPruneBatch = 5000;
constexpr int64_t kKeyCacheMs = 300'000;   // sender keys are re-read this often (keys rotate rarely)
constexpr int64_t kSuccessWriteMs = 60'000;  // last_success_at of a healthy host is refreshed at most this often

// Every connection is a file descriptor, and the soft limit is often 1024: raise it to the hard limit so a fan-out
// over a thousand hosts with keep-alive does not run out.
void raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  rlim_t wanted = std::min<rlim_t>(limit.rlim_max, 65536);
  if (limit.rlim_cur >= wanted) return;
  limit.rlim_cur = wanted;
  setrlimit(RLIMIT_NOFILE, &limit);
}

}  // namespace

DeliveryEngine::DeliveryEngine(store::Database& db, net::NetPolicy policy, DeliveryOptions options)
    : db_(db),
      policy_(std::move(policy)),
      options_(std::move(options)),
      connections_(policy_, options_.connect_timeout_seconds, options_.read_timeout_seconds,
                   options_.max_idle_connections) {}

DeliveryEngine::~DeliveryEngine() { stop(); }

void DeliveryEngine::start() {
  {
    std::lock_guard lock(mutex_);
    if (running_) return;
  }
  const int requeued = db_.write([&](store::Connection& c) { return store::requeue_in_flight_jobs(c, now_millis()); });
  if (requeued > 0) spdlog::info("delivery: re-queued {} job(s) left in flight by the previous run", requeued);
  refresh_health();
  raise_open_file_limit();

  std::lock_guard lock(mutex_);
  running_ = true;
  stopping_ = false;
  workers_done_ = false;
  dispatcher_ = std::thread([this] { dispatcher_main(); });
  for (int i = 0; i < options_.workers; ++i) workers_.emplace_back([this] { worker_main(); });
  spdlog::info("delivery: {} workers, at most {} requests per host", options_.workers, options_.per_host_concurrency);
}

void DeliveryEngine::stop() {
  {
    std::unique_lock lock(mutex_);
    if (!running_ || stopping_) return;
    stopping_ = true;
  }
  work_cv_.notify_all();
  dispatcher_cv_.notify_all();
  {
    std::unique_lock lock(mutex_);
    bool idle = finished_cv_.wait_for(lock, std::chrono::milliseconds(options_.stop_grace_ms),
                                      [&] { return queue_.running_total() == 0; });
    if (!idle) {
      spdlog::info("delivery: abandoning {} request(s) still in flight", queue_.running_total());
      aborting_ = true;
    }
  }
  if (aborting_) connections_.abort_all();
  for (auto& w : workers_) w.join();
  workers_.clear();
  {
    std::lock_guard lock(mutex_);
    workers_done_ = true;
  }
  dispatcher_cv_.notify_all();
  dispatcher_.join();
  std::lock_guard lock(mutex_);
  running_ = false;
}

void DeliveryEngine::wake() {
  {
    std::lock_guard lock(mutex_);
    wake_requested_ = true;
  }
  dispatcher_cv_.notify_one();
}

HostGate DeliveryEngine::gate_for(const std::string& host, int64_t now) const {
  HostGate gate;
  // Slow start: one request at a time to a host until it has answered well once since we started, so a host that
  // hangs holds one worker, not per_host_concurrency of them, while its first timeout runs.
  gate.limit = proven_hosts_.count(host) ? options_.per_host_concurrency : 1;
  auto it = troubled_.find(host);
  if (it == troubled_.end()) return gate;
  const auto& health = it->second;
  if (health.unavailable_since) {
    gate.kind = HostGate::Kind::Drop;
    return gate;
  }
  gate.limit = allowed_concurrency(health, options_.breaker, now, options_.per_host_concurrency);
  if (gate.limit == 0) {
    gate.kind = HostGate::Kind::Defer;
    gate.defer_until = health.breaker_open_until.value_or(now);
  }
  return gate;
}

// The gate must react to a failure at once, not at the next flush: otherwise a fast-failing host gets every waiting
// job before its breaker is seen to open. This in-memory view runs ahead of the database; the dispatcher replaces
// it with the persisted state after each flush, which has counted the same events.
void DeliveryEngine::note_host_effect(const std::string& host, HostEffect effect, int64_t now) {
  if (effect == HostEffect::Failure) {
    auto& health = troubled_[host];
    health.domain = host;
    record_host_failure(health, options_.breaker, now);
  } else if (effect == HostEffect::Success) {
    if (proven_hosts_.size() >= 100'000) proven_hosts_.clear();  // bounded; forgetting only costs a slow start
    proven_hosts_.insert(host);
    auto it = troubled_.find(host);
    if (it != troubled_.end() && !it->second.unavailable_since) troubled_.erase(it);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Workers

void DeliveryEngine::worker_main() {
  for (;;) {
    std::optional<TakenJob> taken;
    {
      std::unique_lock lock(mutex_);
      const int64_t now = now_millis();
      work_cv_.wait(lock, [&] {
        if (stopping_) return true;
        taken = queue_.take([&](const std::string& host) { return gate_for(host, now); });
        if (!taken && queue_.waiting() > 0 && !starved_) {
          // Jobs wait, but all for hosts at their limit (slow or hanging ones): ask for jobs for other hosts.
          starved_ = true;
          dispatcher_cv_.notify_one();
        }
        return taken.has_value();
      });
      if (!taken) return;
    }

    AttemptResult result;
    switch (taken->gate.kind) {
      case HostGate::Kind::Defer:
        result.kind = AttemptResult::Kind::Deferred;
        result.deferred_until = taken->gate.defer_until;
        result.error = "circuit breaker open for " + taken->queued.job.host;
        break;
      case HostGate::Kind::Drop:
        result.kind = AttemptResult::Kind::Unavailable;
        result.error = taken->queued.job.host + " is marked unavailable";
        break;
      case HostGate::Kind::Send:
        try {
          result = send(taken->queued);
        } catch (const std::exception& e) {
          result = AttemptResult{AttemptResult::Kind::NetworkError, 0, std::nullopt, 0, e.what()};
        } catch (...) {
          result = AttemptResult{AttemptResult::Kind::NetworkError, 0, std::nullopt, 0, "unknown error"};
        }
        break;
    }

    bool notify_dispatcher = false;
    {
      std::lock_guard lock(mutex_);
      if (taken->gate.kind == HostGate::Kind::Send) {
        queue_.finished(taken->queued.job.host);
        note_host_effect(taken->queued.job.host, host_effect_of(result), now_millis());
      }
      if (results_.empty()) {
        first_result_at_ = std::chrono::steady_clock::now();
        notify_dispatcher = true;
      }
      results_.push_back(Finished{std::move(taken->queued.job), std::move(result)});
      if (results_.size() >= kFlushBatch) notify_dispatcher = true;
    }
    if (notify_dispatcher) dispatcher_cv_.notify_one();
    if (taken->gate.kind == HostGate::Kind::Send) {
      work_cv_.notify_one();  // a host slot is free
      finished_cv_.notify_all();
    }
  }
}

AttemptResult DeliveryEngine::send(const QueuedJob& queued) {
  AttemptResult result;
  if (!queued.payload || !queued.key) {
    result.kind = AttemptResult::Kind::CannotSign;
    result.error = queued.payload ? "the sender has no signing key" : "the activity no longer exists";
    return result;
  }
  auto url = net::parse_url(queued.job.inbox_url);
  if (!url) {
    result.kind = AttemptResult::Kind::Refused;
    result.error = "not an http(s) URL: " + queued.job.inbox_url;
    return result;
  }
  auto checkout = connections_.checkout(*url);
  if (auto* refused = std::get_if<ConnectionRefused>(&checkout)) {
    if (aborting_) return AttemptResult{AttemptResult::Kind::Abandoned, 0, std::nullopt, 0, refused->reason};
    result.kind = refused->permanent ? AttemptResult::Kind::Refused : AttemptResult::Kind::NetworkError;
    result.error = refused->reason;
    return result;
  }
  // The connection goes back to the pool on every path out of here (HostConnections tracks it until then).
  struct Checkin {
    HostConnections& pool;
    const net::Url& url;
    HostConnections::Lease client;
    bool reusable = false;
    ~Checkin() { pool.checkin(url, std::move(client), reusable); }
  } lease{connections_, *url, std::move(std::get<HostConnections::Lease>(checkout))};

  auto headers = signed_delivery_headers(*queued.key, *url, *queued.payload, now_millis());
  if (!headers) {
    result.kind = AttemptResult::Kind::CannotSign;
    result.error = "cannot sign with the key of " + queued.key->key_id;
    return result;
  }
  httplib::Request request;
  request.method = "POST";
  request.path = url->path_and_query;
  request.headers = std::move(*headers);
  request.headers.emplace("User-Agent", policy_.user_agent);
  request.headers.emplace("Content-Type", "application/activity+json");
  request.body = queued.payload->body;
  int status = 0;
  std::string retry_after;
  size_t received = 0;
  bool too_large = false;
  request.response_handler = [&](const httplib::Response& r) {
    status = r.status;
    retry_after = r.get_header_value("Retry-After");
    return true;
  };
  // The answer's body is of no use to us; read it only to keep the connection reusable, and only up to the limit.
  request.content_receiver = [&](const char*, size_t n, uint64_t, uint64_t) {
    received += n;
    if (received > options_.max_response_bytes) {
      too_large = true;
      return false;
    }
    return true;
  };
  httplib::Response response;
  httplib::Error error = httplib::Error::Success;
  // stop() may have shut the pool's sockets down between checkout and here; a connection not yet opened would
  // not notice, so look before sending.
  if (aborting_) return AttemptResult{AttemptResult::Kind::Abandoned, 0, std::nullopt, 0, "engine stopping"};
  const bool ok = lease.client->send(request, response, error);
  lease.reusable = ok && !too_large;

  if (status == 0) {
    if (aborting_) return AttemptResult{AttemptResult::Kind::Abandoned, 0, std::nullopt, 0, "engine stopping"};
    result.kind = AttemptResult::Kind::NetworkError;
    result.error = httplib::to_string(error);
    return result;
  }
  result.kind = AttemptResult::Kind::Response;
  result.status = status;
  if (!retry_after.empty()) result.retry_after_ms = parse_retry_after(retry_after, now_millis());
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Dispatcher

void DeliveryEngine::dispatcher_main() {
  // Claim when fewer than low_water jobs wait, or when workers idle because every waiting job is for a host at its
  // limit (then up to max_waiting, skipping hosts that already have crowded_threshold jobs waiting here).
  const size_t low_water = static_cast<size_t>(std::max(1, options_.claim_batch / 2));
  const size_t max_waiting = static_cast<size_t>(options_.claim_batch) * 8;
  const size_t crowded_threshold = static_cast<size_t>(std::max(2, options_.per_host_concurrency));
  int64_t next_claim_at = 0;
  int64_t next_refresh_at = now_millis() + kHealthRefreshMs;
  int64_t next_prune_at = now_millis() + kPruneEveryMs;
  const auto flush_interval = std::chrono::milliseconds(options_.flush_interval_ms);

  for (;;) {
    std::vector<Finished> finished;
    bool stopping = false;
    bool done = false;
    size_t waiting = 0;
    std::vector<std::string> crowded;
    bool want_jobs = false;
    {
      std::unique_lock lock(mutex_);
      // The deadline is recomputed after every wake-up: a first result arriving sets a flush deadline sooner than
      // the one this wait started with.
      for (;;) {
        if (stopping_) {
          // Keep writing results while the workers wind down; finish once they are gone.
          if (workers_done_ || !results_.empty()) break;
          dispatcher_cv_.wait_for(lock, std::chrono::milliseconds(50));
          continue;
        }
        if (wake_requested_ || results_.size() >= kFlushBatch) break;
        const auto steady_now = std::chrono::steady_clock::now();
        if (!results_.empty() && steady_now >= first_result_at_ + flush_interval) break;
        const int64_t now = now_millis();
        int64_t until = next_refresh_at;
        const bool want_jobs = queue_.waiting() < low_water || (starved_ && queue_.waiting() < max_waiting);
        if (want_jobs) until = std::min(until, next_claim_at);
        if (now >= until) break;
        auto deadline = steady_now + std::chrono::milliseconds(until - now);
        if (!results_.empty()) deadline = std::min(deadline, first_result_at_ + flush_interval);
        if (!unrecorded_.empty()) deadline = std::min(deadline, steady_now + std::chrono::seconds(1));
        if (dispatcher_cv_.wait_until(lock, deadline) == std::cv_status::timeout) break;
      }
      finished.swap(results_);
      stopping = stopping_;
      done = workers_done_;
      if (wake_requested_) next_claim_at = 0;
      wake_requested_ = false;
      waiting = queue_.waiting();
      want_jobs = waiting < low_water || (starved_ && waiting < max_waiting);
      if (!stopping && want_jobs) crowded = queue_.crowded_hosts(crowded_threshold);
    }

    if (!finished.empty() || !unrecorded_.empty()) record(finished);

    if (stopping) {
      if (!done) continue;
      // Workers are gone: put every job still waiting back in its place, and write everything down.
      std::vector<QueuedJob> left;
      {
        std::lock_guard lock(mutex_);
        left = queue_.drain();
        for (auto& f : results_) finished.push_back(std::move(f));
        results_.clear();
      }
      finished.clear();
      for (auto& q : left) {
        finished.push_back(Finished{std::move(q.job), AttemptResult{AttemptResult::Kind::Abandoned, 0, std::nullopt, 0, ""}});
      }
      record(finished);
      if (!unrecorded_.empty()) {
        spdlog::warn("delivery: {} result(s) could not be written; their jobs are re-queued at the next start",
                     unrecorded_.size());
      }
      return;
    }

    const int64_t now = now_millis();
    if (want_jobs && now >= next_claim_at) {
      {
        std::lock_guard lock(mutex_);
        starved_ = false;
      }
      const int want = std::max(options_.claim_batch - static_cast<int>(waiting), options_.claim_batch / 2);
      try {
        const size_t claimed = claim(want, crowded);
        next_claim_at = 0;  // more may be due at once, unless the claim came back short:
        if (claimed < static_cast<size_t>(want)) {
          auto next_retry = db_.read([](store::Connection& c) { return store::next_retry_due(c); });
          next_claim_at = now + options_.poll_interval_ms;
          if (next_retry) next_claim_at = std::min(next_claim_at, std::max(now + 1, *next_retry));
        }
      } catch (const std::exception& e) {
        spdlog::error("delivery: claiming jobs failed: {}", e.what());
        next_claim_at = now + 1000;
      }
    }
    if (now >= next_refresh_at) {
      try {
        refresh_health();
      } catch (const std::exception& e) {
        spdlog::error("delivery: reading host health failed: {}", e.what());
      }
      next_refresh_at = now + kHealthRefreshMs;
    }
    if (now >= next_prune_at) {
      try {
        prune();
      } catch (const std::exception& e) {
        spdlog::error("delivery: pruning finished jobs failed: {}", e.what());
      }
      next_prune_at = now + kPruneEveryMs;
    }
  }
}

size_t DeliveryEngine::claim(int count, const std::vector<std::string>& crowded_hosts) {
  if (count <= 0) return 0;
  const int64_t now = now_millis();
  if (now - keys_loaded_at_ > kKeyCacheMs) {
    keys_.clear();
    keys_loaded_at_ = now;
  }
  std::vector<QueuedJob> queued;
  db_.write([&](store::Connection& c) {
    auto claimed = store::claim_due_jobs(c, now, count, crowded_hosts);
    queued.reserve(claimed.size());
    for (auto& job : claimed) {
      QueuedJob q;
      auto& cached = activities_[job.outbound_activity_id];
      q.payload = cached.payload.lock();
      if (!q.payload) {
        if (auto activity = store::find_outbound_activity(c, job.outbound_activity_id)) {
          q.payload = std::make_shared<const ActivityPayload>(make_payload(activity->id, std::move(activity->body)));
          cached.payload = q.payload;
          cached.sender_account_id = activity->sender_account_id;
        }
      }
      if (q.payload && cached.sender_account_id) {
        const int64_t sender = *cached.sender_account_id;
        if (auto k = keys_.find(sender); k != keys_.end()) {
          q.key = k->second;
        } else if (auto account = store::find_account(c, sender);
                   account && account->private_key_pem && !account->public_key_id.empty()) {
          q.key = std::make_shared<const SenderKey>(SenderKey{account->public_key_id, *account->private_key_pem});
          keys_[sender] = q.key;
        }
      }
      q.job = std::move(job);
      queued.push_back(std::move(q));
    }
  });
  if (queued.empty()) return 0;
  const size_t claimed = queued.size();
  // Forget payloads no job holds any more.
  if (activities_.size() > 4096) {
    for (auto it = activities_.begin(); it != activities_.end();) {
      it = it->second.payload.expired() ? activities_.erase(it) : std::next(it);
    }
  }
  {
    std::lock_guard lock(mutex_);
    for (auto& q : queued) queue_.add(std::move(q));
  }
  work_cv_.notify_all();
  return claimed;
}

void DeliveryEngine::record(std::vector<Finished>& finished) {
  for (auto& f : finished) unrecorded_.push_back(std::move(f));
  finished.clear();
  if (unrecorded_.empty()) return;
  const int64_t now = now_millis();
  std::uniform_real_distribution<double> unit(0.0, 1.0);

  std::vector<store::JobUpdate> updates;
  std::map<std::string, int64_t> counters;
  std::vector<std::string> gone_inboxes;
  std::map<std::string, std::vector<HostEffect>> host_events;
  updates.reserve(unrecorded_.size());
  for (const auto& f : unrecorded_) {
    auto plan = plan_outcome(f.job, f.result, options_.retry, now, unit(rng_));
    updates.push_back(std::move(plan.update));
    for (const auto& [name, n] : plan.counters) counters[name] += n;
    if (plan.actor_gone) gone_inboxes.push_back(f.job.inbox_url);
    if (plan.host_effect != HostEffect::None) host_events[f.job.host].push_back(plan.host_effect);
  }
  std::set<std::string> known_troubled;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [host, events] : host_events) {
      if (troubled_.count(host)) known_troubled.insert(host);
    }
  }

  std::vector<store::InstanceHealth> changed;
  std::vector<std::string> healthy_written;
  try {
    db_.write([&](store::Connection& c) {
      changed.clear();
      healthy_written.clear();
      // Jobs first, so that a breaker opened below also holds back the jobs this flush puts back in the queue.
      store::apply_job_updates(c, updates, now);
      for (const auto& [host, events] : host_events) {
        const bool any_failure = std::find(events.begin(), events.end(), HostEffect::Failure) != events.end();
        if (!any_failure && !known_troubled.count(host)) {
          // The common case: a healthy host stayed healthy. Its row needs no more than a fresh last_success_at.
          auto written = success_written_at_.find(host);
          if (written == success_written_at_.end() || now - written->second >= kSuccessWriteMs) {
            store::record_instance_success(c, host, now);
            healthy_written.push_back(host);
          }
          continue;
        }
        auto health = store::find_instance_health(c, host).value_or(store::InstanceHealth{});
        health.domain = host;
        const bool was_unavailable = health.unavailable_since.has_value();
        for (HostEffect e : events) {
          if (e == HostEffect::Success) {
            record_host_success(health, now);
          } else {
            const bool was_open = breaker_state(health, options_.breaker, now) == BreakerState::Open;
            const auto open_before = health.breaker_open_until;
            auto effect = record_host_failure(health, options_.breaker, now);
            if (effect.breaker_opened && !was_open) {
              int deferred = store::defer_host_jobs(c, host, *health.breaker_open_until, now);
              spdlog::warn("delivery: {} failed {} times in a row; pausing it until {} ({} waiting job(s) deferred)",
                           host, health.consecutive_failures, format_iso8601_millis(*health.breaker_open_until),
                           deferred);
            } else if (was_open && health.breaker_open_until && health.breaker_open_until > open_before) {
              // A request already in flight when the breaker opened failed too and pushed the pause further: the
              // waiting jobs follow, so none comes due while the breaker is still open.
              store::defer_host_jobs(c, host, *health.breaker_open_until, now);
            }
          }
        }
        if (!was_unavailable && health.unavailable_since) {
          spdlog::warn("delivery: {} failed on {} distinct days; marked unavailable until it answers again", host,
                       health.failure_days.size());
        } else if (was_unavailable && !health.unavailable_since) {
          spdlog::info("delivery: {} answers again; no longer unavailable", host);
        }
        store::save_instance_health(c, health, now);
        changed.push_back(std::move(health));
      }
      for (const auto& inbox : gone_inboxes) store::mark_actors_gone_by_inbox(c, inbox, now);
      store::add_counters(c, counters);
    });
  } catch (const std::exception& e) {
    spdlog::error("delivery: writing {} result(s) failed, will retry: {}", unrecorded_.size(), e.what());
    return;
  }
  unrecorded_.clear();
  for (const auto& host : healthy_written) success_written_at_[host] = now;
  if (success_written_at_.size() > 100'000) success_written_at_.clear();
  if (changed.empty()) return;
  {
    std::lock_guard lock(mutex_);
    for (auto& h : changed) {
      if (h.troubled()) {
        troubled_[h.domain] = std::move(h);
      } else {
        troubled_.erase(h.domain);
      }
    }
  }
  work_cv_.notify_all();
}

void DeliveryEngine::refresh_health() {
  auto rows = db_.read([](store::Connection& c) { return store::troubled_instances(c); });
  std::unordered_map<std::string, store::InstanceHealth> fresh;
  for (auto& r : rows) {
    std::string domain = r.domain;
    fresh.emplace(std::move(domain), std::move(r));
  }
  {
    std::lock_guard lock(mutex_);
    troubled_.swap(fresh);
    queue_.unpark_all();  // limits may have changed (vmst delivery retry, an inbound success)
  }
  work_cv_.notify_all();
}

void DeliveryEngine::prune() {
  const int64_t cutoff = now_millis() - int64_t{options_.keep_finished_hours} * 3'600'000;
  int deleted = db_.write([&](store::Connection& c) { return store::prune_finished_jobs(c, cutoff, kPruneBatch); });
  if (deleted > 0) spdlog::debug("delivery: pruned {} finished job(s)", deleted);
}

}  // namespace vmst::delivery
