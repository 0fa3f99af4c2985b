// Delivery throughput: one activity fanned out to --inboxes inboxes spread over --hosts loopback servers, sent by
// the real DeliveryEngine (signing, keep-alive, per-host limits, batched database writes) from a real SQLite queue.
//
//   vmst_delivery_bench [--inboxes 10000] [--hosts 1000] [--mute-percent 0] [--workers 160] [--per-host 4]
//                       [--timeout 10] [--claim-batch 512]
//
// The servers run in a forked child (delivery_bench_sink.hpp) so their CPU and memory are not the engine's. With
// --mute-percent, that share of the hosts accepts connections and never answers: their jobs time out, are
// retried later and trip breakers, and the figure that matters is how fast the others still get theirs.
//
// Reports (one line of JSON): enqueue time, time until every inbox on an answering host has its delivery,
// deliveries per second over that time, connections opened, peak RSS of this process (engine + SQLite).
#include <sys/resource.h>

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <thread>

#include "crypto/rsa_keys.hpp"
#include "delivery/delivery_engine.hpp"
#include "delivery/delivery_signer.hpp"
#include "delivery/enqueue.hpp"
#include "delivery_bench_sink.hpp"
#include "store/account_store.hpp"
#include "store/ids.hpp"
#include "store/migrations.hpp"
#include "time/timestamps.hpp"

using namespace vmst;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int64_t count_where(store::Database& db, const char* sql) {
  return db.read([&](store::Connection& c) {
    auto& q = c.prepare(sql);
    q.executeStep();
    return q.getColumn(0).getInt64();
  });
}

// The CPU ceiling on this machine right now: the same signing work as a delivery (Digest is per activity, so it is
// left out, as the engine computes it once), with no I/O.
int sign_only(int threads) {
  const auto keys = crypto::generate_rsa_keypair();
  const delivery::SenderKey key{"https://bench.example/users/alice#main-key", keys.private_pem};
  const auto payload = delivery::make_payload(1, std::string(2000, 'x'));
  std::atomic<int64_t> signed_count{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> pool;
  auto start = Clock::now();
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      int64_t i = 0;
      while (!stop) {
        auto url = net::parse_url("http://127.0.0." + std::to_string(t + 1) + ":8080/users/" + std::to_string(i++) + "/inbox");
        if (delivery::signed_delivery_headers(key, *url, payload, now_millis())) ++signed_count;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::seconds(3));
  stop = true;
  for (auto& t : pool) t.join();
  std::printf("{\"sign_only_threads\":%d,\"signatures_per_s\":%.0f}\n", threads,
              static_cast<double>(signed_count) / seconds_since(start));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"vmst delivery benchmark"};
  int inboxes = 10000, hosts = 1000, mute_percent = 0, workers = 160, per_host = 4, timeout = 10, claim_batch = 512;
  app.add_option("--inboxes", inboxes, "Inboxes to deliver to");
  app.add_option("--hosts", hosts, "Distinct hosts the inboxes are spread over (at most 1000)");
  app.add_option("--mute-percent", mute_percent, "Share of hosts that never answer");
  app.add_option("--workers", workers, "delivery.workers");
  app.add_option("--per-host", per_host, "delivery.per_host_concurrency");
  app.add_option("--timeout", timeout, "delivery.connect/read_timeout_seconds");
  app.add_option("--claim-batch", claim_batch, "delivery.claim_batch");
  int sign_only_threads = 0;
  app.add_option("--sign-only", sign_only_threads,
                 "Instead: sign delivery requests on this many threads for 3 s and report signatures/s (the ceiling)");
  CLI11_PARSE(app, argc, argv);
  if (sign_only_threads > 0) return sign_only(sign_only_threads);
  hosts = std::clamp(hosts, 1, 1000);
  spdlog::set_level(spdlog::level::warn);

  // Fork the servers before this process has any thread.
  std::vector<bool> mute(static_cast<size_t>(hosts), false);
  std::mt19937 rng(42);
  std::vector<int> order(static_cast<size_t>(hosts));
  for (int i = 0; i < hosts; ++i) order[static_cast<size_t>(i)] = i;
  std::shuffle(order.begin(), order.end(), rng);
  const int mute_count = hosts * mute_percent / 100;
  for (int i = 0; i < mute_count; ++i) mute[static_cast<size_t>(order[static_cast<size_t>(i)])] = true;
  auto sink = bench::start_sink(hosts, mute);

  auto dir = std::filesystem::temp_directory_path() / ("vmst-delivery-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  int exit_code = 0;
  try {
    store::Database db(store::DatabaseOptions{dir / "vmst.db", 2, 5000, 8});
    store::apply_migrations(db);
    const auto keys = crypto::generate_rsa_keypair();
    const int64_t sender = store::next_id();
    db.write([&](store::Connection& c) {
      store::NewLocalAccount a{};
      a.account_id = sender;
      a.user_id = store::next_id();
      a.username = "alice";
      a.email = "alice@bench.example";
      a.password_hash = "-";
      a.role = "user";
      a.uri = "https://bench.example/users/alice";
      a.public_key_id = a.uri + "#main-key";
      a.public_key_pem = keys.public_pem;
      a.private_key_pem = keys.private_pem;
      a.created_at = now_millis();
      store::insert_local_account(c, a);
    });

    // A Create(Note) of about 2 KB, as in docs/performance.md §4.
    std::string body = R"({"@context":["https://www.w3.org/ns/activitystreams"],"id":"https://bench.example/users/alice/statuses/1/activity","type":"Create","actor":"https://bench.example/users/alice","to":["https://www.w3.org/ns/activitystreams#Public"],"object":{"type":"Note","content":")" +
                       std::string(1700, 'x') + R"("}})";
    std::vector<std::string> urls;
    int64_t live = 0;
    for (int i = 0; i < inboxes; ++i) {
      const auto& host = sink.hosts[static_cast<size_t>(i % hosts)];
      urls.push_back("http://" + host.address + ":" + std::to_string(host.port) + "/users/" + std::to_string(i) + "/inbox");
      if (!host.mute) ++live;
    }

    auto enqueue_start = Clock::now();
    db.write([&](store::Connection& c) { delivery::enqueue(c, sender, body, urls, now_millis()); });
    const double enqueue_seconds = seconds_since(enqueue_start);

    delivery::DeliveryOptions options;
    options.workers = workers;
    options.per_host_concurrency = per_host;
    options.claim_batch = claim_batch;
    options.connect_timeout_seconds = timeout;
    options.read_timeout_seconds = timeout;
    options.stop_grace_ms = 1000;
    delivery::DeliveryEngine engine(db, net::NetPolicy{true, true, "vmst-bench"}, options);

    auto start = Clock::now();
    engine.start();
    int64_t done = 0;
    double first_half = 0;
    while (seconds_since(start) < 600) {
      done = count_where(db, "SELECT count(*) FROM delivery_jobs WHERE state = 'done'");
      if (first_half == 0 && done * 2 >= live) first_half = seconds_since(start);
      if (done >= live) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));  // the count is a scan: keep the observer cheap
    }
    const double drain_seconds = seconds_since(start);
    auto stop_start = Clock::now();
    engine.stop();
    const double stop_seconds = seconds_since(stop_start);
    const int64_t retrying = count_where(db, "SELECT count(*) FROM delivery_jobs WHERE state = 'queued' AND attempts > 0");

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf(
        "{\"inboxes\":%d,\"hosts\":%d,\"mute_hosts\":%d,\"workers\":%d,\"per_host\":%d,\"timeout_s\":%d,"
        "\"enqueue_s\":%.3f,\"delivered\":%lld,\"live_jobs\":%lld,\"drain_s\":%.3f,\"half_s\":%.3f,"
        "\"deliveries_per_s\":%.0f,\"connections_opened\":%zu,\"retrying_jobs\":%lld,\"stop_s\":%.2f,"
        "\"peak_rss_mib\":%.1f,\"cpu_user_s\":%.2f,\"cpu_sys_s\":%.2f}\n",
        inboxes, hosts, mute_count, workers, per_host, timeout, enqueue_seconds, static_cast<long long>(done),
        static_cast<long long>(live), drain_seconds, first_half, static_cast<double>(done) / drain_seconds,
        engine.connections_opened(), static_cast<long long>(retrying), stop_seconds,
        static_cast<double>(usage.ru_maxrss) / 1024.0, static_cast<double>(usage.ru_utime.tv_sec) + usage.ru_utime.tv_usec / 1e6,
        static_cast<double>(usage.ru_stime.tv_sec) + usage.ru_stime.tv_usec / 1e6);
    if (done < live) exit_code = 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vmst_delivery_bench: %s\n", e.what());
    exit_code = 1;
  }
  bench::stop_sink(sink);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return exit_code;
}
