#pragma once
// The HTTP listener: cpp-httplib with the fixes for Debian's 0.11 build applied once, here.
//   * TCP_NODELAY on, or every response waits ~40 ms for Nagle and delayed ACK.
//   * listen() again on the bound socket with a real backlog: the library's 5 is compiled into the .so.
//   * An open keep-alive connection holds a worker thread, so the pool is sized by connections (http.threads) and
//     idle connections are dropped after a short keep-alive timeout.
//   * So that many workers do not fight over a few cores, a worker holds one of the work slots (one per core) while
//     it routes and handles a request (concurrency/work_slots.hpp). Reading the request and writing the response
//     happen outside the slot.
//
// Threads: run() blocks the calling thread in the accept loop; requests run on the pool of http.threads workers.
// stop() may be called from any thread.
#include <httplib.h>

#include <atomic>
#include <string>

#include "concurrency/work_slots.hpp"
#include "http/rate_limit_policy.hpp"
#include "http/router.hpp"

namespace vmst::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  int threads = 32;
  int concurrent_requests = 0;  // requests handled at once; 0: one per CPU core
  size_t max_body_bytes = 40 * 1024 * 1024;
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  int keep_alive_timeout_seconds = 2;
  int keep_alive_max_requests = 100;
  int listen_backlog = 1024;
  bool access_log = true;
};

class HttpServer {
 public:
  HttpServer(const ServerOptions& options, const Router& router);
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens. Throws std::runtime_error naming the address when it cannot.
  void bind();
  int port() const { return bound_port_; }

  // Limits applied to every request before routing (nullptr: none). Set before run(); not owned.
  void set_rate_limits(RateLimitPolicy* policy) { rate_limits_ = policy; }

  // Serves until stop(); returns once in-flight requests have finished and the workers have exited.
  void run();
  void stop();

 private:
  void dispatch(const httplib::Request& req, httplib::Response& res);

  ServerOptions options_;
  const Router& router_;
  RateLimitPolicy* rate_limits_ = nullptr;
  concurrency::WorkSlots work_slots_;
  httplib::Server server_;
  std::atomic<int> listen_fd_{-1};
  int bound_port_ = 0;
};

}  // namespace vmst::http
