#include "delivery/host_connections.hpp"

#include "net/address_guard.hpp"

namespace vmst::delivery {

HostConnections::HostConnections(net::NetPolicy policy, int connect_timeout_seconds, int read_timeout_seconds,
                                 size_t max_idle)
    : policy_(std::move(policy)),
      connect_timeout_seconds_(connect_timeout_seconds),
      read_timeout_seconds_(read_timeout_seconds),
      max_idle_(max_idle) {}

HostConnections::~HostConnections() = default;

std::variant<HostConnections::Lease, ConnectionRefused> HostConnections::checkout(const net::Url& url) {
  const std::string origin = url.origin();
  {
    std::lock_guard lock(mutex_);
    if (aborted_) return ConnectionRefused{"delivery is stopping", false};
    auto found = idle_by_origin_.find(origin);
    if (found != idle_by_origin_.end() && !found->second.empty()) {
      auto it = found->second.front();
      found->second.pop_front();
      if (found->second.empty()) idle_by_origin_.erase(found);
      Lease client = std::move(it->client);
      idle_.erase(it);
      in_use_.insert(client.get());
      return client;
    }
  }

  // A new connection: the checks net::fetch makes, outside the lock (DNS may take a while).
  if (url.scheme == "http" && !policy_.allow_http) {
    return ConnectionRefused{"refusing plain http URL " + url.to_string() + " (federation.allow_http is off)", true};
  }
  auto resolved = net::resolve_checked(url.host, policy_.allow_private_addresses);
  if (auto* refused = std::get_if<net::AddressRefused>(&resolved)) {
    // resolve_checked words a name that does not resolve as "cannot resolve ...": worth retrying later. Any other
    // refusal is the SSRF guard's verdict on the address, which will not change.
    const bool dns_failure = refused->reason.rfind("cannot resolve", 0) == 0;
    return ConnectionRefused{refused->reason, !dns_failure};
  }

  auto client = std::make_unique<httplib::Client>(url.scheme + "://" + url.authority());
  client->set_hostname_addr_map({{url.host, std::get<net::ResolvedAddress>(resolved).ip}});
  client->set_tcp_nodelay(true);  // without it every request waits ~40 ms for delayed ACKs
  client->set_keep_alive(true);
  client->set_follow_location(false);  // deliveries are never redirected
  client->set_connection_timeout(connect_timeout_seconds_, 0);
  client->set_read_timeout(read_timeout_seconds_, 0);
  client->set_write_timeout(read_timeout_seconds_, 0);
  if (url.scheme == "https") client->enable_server_certificate_verification(true);

  std::lock_guard lock(mutex_);
  if (aborted_) return ConnectionRefused{"delivery is stopping", false};
  ++opened_;
  in_use_.insert(client.get());
  return client;
}

void HostConnections::checkin(const net::Url& url, Lease client, bool reusable) {
  if (!client) return;
  Lease closing;  // destroyed outside the lock: closing a socket (and a TLS shutdown) can take a moment
  {
    std::lock_guard lock(mutex_);
    in_use_.erase(client.get());
    if (!reusable || aborted_ || max_idle_ == 0 || !client->is_socket_open()) {
      closing = std::move(client);
    } else {
      const std::string origin = url.origin();
      idle_.push_front(Idle{origin, std::move(client)});
      idle_by_origin_[origin].push_front(idle_.begin());
      if (idle_.size() > max_idle_) {
        auto oldest = std::prev(idle_.end());
        auto& list = idle_by_origin_[oldest->origin];
        list.remove(oldest);
        if (list.empty()) idle_by_origin_.erase(oldest->origin);
        closing = std::move(oldest->client);
        idle_.erase(oldest);
      }
    }
  }
}

void HostConnections::abort_all() {
  std::list<Idle> idle;
  {
    std::lock_guard lock(mutex_);
    aborted_ = true;
    // Client::stop() shuts the socket down under the client's own lock, safe while its worker sits in send().
    for (httplib::Client* client : in_use_) client->stop();
    idle.swap(idle_);
    idle_by_origin_.clear();
  }
}

size_t HostConnections::idle_count() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

size_t HostConnections::opened_count() const {
  std::lock_guard lock(mutex_);
  return opened_;
}

}  // namespace vmst::delivery
