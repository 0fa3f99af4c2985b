#pragma once
// Keep-alive HTTP connections to remote servers, reused across deliveries to the same origin.
//
// Ownership: a connection (an httplib::Client holding at most one socket) is owned either by this pool, idle, or
// by exactly one worker thread between checkout() and checkin(). Every new connection passes the same checks as
// net::fetch: http only when policy.allow_http, the SSRF guard on the resolved address, and the socket pinned to
// that checked address (DNS cannot swap in another between check and connect). A reused connection was checked
// when it was made. Idle connections beyond max_idle are closed, least recently used first.
//
// Thread-safe. abort_all() (from the thread stopping the engine) shuts down the sockets of connections in use so
// their workers return at once, and refuses later checkouts.
#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <variant>

#include "net/http_fetcher.hpp"
#include "net/url.hpp"

namespace vmst::delivery {

struct ConnectionRefused {
  std::string reason;
  bool permanent = false;  // true: the URL can never be delivered to (scheme, non-public address); false: DNS
};

class HostConnections {
 public:
  HostConnections(net::NetPolicy policy, int connect_timeout_seconds, int read_timeout_seconds, size_t max_idle);
  ~HostConnections();
  HostConnections(const HostConnections&) = delete;
  HostConnections& operator=(const HostConnections&) = delete;

  using Lease = std::unique_ptr<httplib::Client>;

  // An idle connection to url's origin, or a new checked one.
  std::variant<Lease, ConnectionRefused> checkout(const net::Url& url);
  // Returns a connection; reusable=false closes it (after an error, or a response not read to its end).
  void checkin(const net::Url& url, Lease client, bool reusable);

  void abort_all();

  size_t idle_count() const;
  // How many connections were opened (not reused) since construction: for tests and the benchmark.
  size_t opened_count() const;

 private:
  struct Idle {
    std::string origin;
    Lease client;
  };

  net::NetPolicy policy_;
  int connect_timeout_seconds_;
  int read_timeout_seconds_;
  size_t max_idle_;

  mutable std::mutex mutex_;
  bool aborted_ = false;
  std::list<Idle> idle_;  // most recently returned first
  std::unordered_map<std::string, std::list<std::list<Idle>::iterator>> idle_by_origin_;
  std::set<httplib::Client*> in_use_;
  size_t opened_ = 0;
};

}  // namespace vmst::delivery
