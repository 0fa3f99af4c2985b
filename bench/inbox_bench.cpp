// Inbox throughput: signed Create(Note) activities from many distinct remote actors POSTed to a running vmst's
// shared inbox over loopback keep-alive connections. Reports accepted activities per second and latency.
//
//   vmst_inbox_bench --inbox http://127.0.0.1:PORT/inbox [--actors 200] [--keys 20] [--requests 20000]
//                    [--connections 8] [--actor-host 127.0.0.2]
//
// The remote actors are served by this program on --actor-host (vmst fetches each key once, then caches it).
// Every request is signed before the clock starts, so the figures are the server's, not the signer's.
#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "crypto/http_date.hpp"
#include "crypto/http_digest.hpp"
#include "crypto/http_signature.hpp"
#include "crypto/rsa_keys.hpp"
#include "net/url.hpp"
#include "percentile.hpp"

using vmst::bench::percentile;

namespace {

struct PreparedRequest {
  std::string body;
  httplib::Headers headers;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"vmst inbox benchmark"};
  std::string inbox;
  int actors = 200, keys = 20, requests = 20000, connections = 8;
  std::string actor_host = "127.0.0.2";
  app.add_option("--inbox", inbox, "Shared inbox URL of a running vmst")->required();
  app.add_option("--actors", actors, "Distinct remote actors");
  app.add_option("--keys", keys, "Distinct RSA keys shared among the actors (key generation is slow)");
  app.add_option("--requests", requests, "Activities to send");
  app.add_option("--connections", connections, "Concurrent keep-alive connections");
  app.add_option("--actor-host", actor_host, "Loopback address serving the remote actors");
  CLI11_PARSE(app, argc, argv);
  auto target = vmst::net::parse_url(inbox);
  if (!target) {
    std::fprintf(stderr, "bad --inbox URL\n");
    return 2;
  }

  std::vector<vmst::crypto::KeyPair> key_pairs;
  for (int i = 0; i < keys; ++i) key_pairs.push_back(vmst::crypto::generate_rsa_keypair());

  // The remote server: actor documents with their keys.
  httplib::Server actor_server;
  actor_server.set_tcp_nodelay(true);
  int actor_port = actor_server.bind_to_any_port(actor_host);
  const std::string origin = "http://" + actor_host + ":" + std::to_string(actor_port);
  actor_server.Get(R"(/users/a(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    int n = std::stoi(req.matches[1]);
    std::string id = origin + "/users/a" + std::to_string(n);
    nlohmann::json actor = {{"@context", {"https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"}},
                            {"id", id},
                            {"type", "Person"},
                            {"preferredUsername", "a" + std::to_string(n)},
                            {"inbox", id + "/inbox"},
                            {"followers", id + "/followers"},
                            {"publicKey", {{"id", id + "#main-key"}, {"owner", id},
                                           {"publicKeyPem", key_pairs[n % keys].public_pem}}}};
    res.set_content(actor.dump(), "application/activity+json");
  });
  std::thread actor_thread([&] { actor_server.listen_after_bind(); });

  std::printf("signing %d requests from %d actors (%d keys)...\n", requests, actors, keys);
  std::vector<PreparedRequest> prepared(static_cast<size_t>(requests));
  const std::string date = vmst::crypto::http_date(std::time(nullptr));
  // Distinct ids per run: a repeated id is a redelivery, which vmst acknowledges without storing.
  const std::string run_nonce = std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  auto sign_range = [&](int from, int to) {
    for (int i = from; i < to; ++i) {
      int n = i % actors;
      std::string actor_id = origin + "/users/a" + std::to_string(n);
      std::string note_id = actor_id + "/statuses/" + run_nonce + "-" + std::to_string(i);
      nlohmann::json activity = {
          {"@context", "https://www.w3.org/ns/activitystreams"}, {"id", note_id + "/activity"}, {"type", "Create"},
          {"actor", actor_id}, {"to", {"https://www.w3.org/ns/activitystreams#Public"}},
          {"object", {{"id", note_id}, {"type", "Note"}, {"attributedTo", actor_id},
                      {"content", "<p>benchmark post number " + std::to_string(i) + " with some text in it</p>"},
                      {"to", {"https://www.w3.org/ns/activitystreams#Public"}},
                      {"published", "2026-11-26T12:00:00Z"}}}};
      auto& p = prepared[static_cast<size_t>(i)];
      p.body = activity.dump();
      std::string digest = vmst::crypto::digest_header(p.body);
      auto signature = vmst::crypto::sign_request(actor_id + "#main-key", key_pairs[n % keys].private_pem, "POST",
                                                  target->path_and_query,
                                                  {{"host", target->authority()}, {"date", date}, {"digest", digest}});
      p.headers = {{"Host", target->authority()}, {"Date", date}, {"Digest", digest}, {"Signature", *signature}};
    }
  };
  {
    std::vector<std::thread> signers;
    int per = (requests + 1) / 2;
    for (int t = 0; t < 2; ++t) signers.emplace_back(sign_range, t * per, std::min(requests, (t + 1) * per));
    for (auto& t : signers) t.join();
  }

  // Warm-up: one activity per actor so vmst fetches and caches every key before timing.
  {
    httplib::Client client(target->origin());
    client.set_tcp_nodelay(true);
    for (int i = 0; i < std::min(actors, requests); ++i) {
      auto& p = prepared[static_cast<size_t>(i)];
      auto res = client.Post(target->path_and_query, p.headers, p.body, "application/activity+json");
      if (!res || res->status != 202) {
        std::fprintf(stderr, "warm-up request %d failed: %s\n", i, res ? res->body.c_str() : httplib::to_string(res.error()).c_str());
        actor_server.stop();
        actor_thread.join();
        return 1;
      }
    }
  }

  std::atomic<int> next{std::min(actors, requests)};
  std::atomic<int> accepted{0}, failed{0};
  std::vector<std::vector<double>> latencies(static_cast<size_t>(connections));
  auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int w = 0; w < connections; ++w) {
    workers.emplace_back([&, w] {
      httplib::Client client(target->origin());
      client.set_tcp_nodelay(true);
      client.set_keep_alive(true);
      for (int i = next++; i < requests; i = next++) {
        auto& p = prepared[static_cast<size_t>(i)];
        auto t0 = std::chrono::steady_clock::now();
        auto res = client.Post(target->path_and_query, p.headers, p.body, "application/activity+json");
        latencies[static_cast<size_t>(w)].push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (res && res->status == 202) ++accepted; else ++failed;
      }
    });
  }
  for (auto& t : workers) t.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  actor_server.stop();
  actor_thread.join();

  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::printf("timed: %d requests over %d connections in %.2f s\n", static_cast<int>(all.size()), connections, seconds);
  std::printf("accepted %d, failed %d\n", accepted.load(), failed.load());
  std::printf("throughput %.0f accepted activities/s\n", accepted.load() / seconds);
  std::printf("latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(all, 0.5), percentile(all, 0.99),
              percentile(all, 1.0));
  return failed.load() == 0 ? 0 : 1;
}
