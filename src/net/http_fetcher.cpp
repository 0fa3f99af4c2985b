#include "net/http_fetcher.hpp"

#include <chrono>

#include <variant>

#include "concurrency/work_slots.hpp"
#include "net/address_guard.hpp"

namespace vmst::net {

std::string FetchResponse::header(const std::string& name) const {
  // httplib::Headers is a multimap ordered case-insensitively, so find() ignores case.
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

namespace {

std::unique_ptr<httplib::Client> client_for(const NetPolicy& policy, const Url& url, int timeout_seconds) {
  if (url.scheme == "http" && !policy.allow_http) {
    throw FetchError(FetchError::Kind::Refused, "refusing plain http URL " + url.to_string() + " (federation.allow_http is off)");
  }
  auto resolved = resolve_checked(url.host, policy.allow_private_addresses);
  if (auto* refused = std::get_if<AddressRefused>(&resolved)) throw FetchError(FetchError::Kind::Refused, refused->reason);

  auto client = std::make_unique<httplib::Client>(url.scheme + "://" + url.authority());
  // Connect to the address that passed the guard; Host and TLS SNI still name the host.
  client->set_hostname_addr_map({{url.host, std::get<ResolvedAddress>(resolved).ip}});
  client->set_tcp_nodelay(true);
  client->set_follow_location(false);
  client->set_connection_timeout(timeout_seconds, 0);
  client->set_read_timeout(timeout_seconds, 0);
  client->set_write_timeout(timeout_seconds, 0);
  if (url.scheme == "https") client->enable_server_certificate_verification(true);
  return client;
}

FetchError error_from(httplib::Error error, const Url& url, bool too_large) {
  if (too_large) return FetchError(FetchError::Kind::TooLarge, "response from " + url.to_string() + " exceeds the size limit");
  const std::string what = httplib::to_string(error) + " (" + url.to_string() + ")";
  switch (error) {
    case httplib::Error::ConnectionTimeout:
    case httplib::Error::Read:
      return FetchError(FetchError::Kind::Timeout, "timed out or connection lost: " + what);
    default:
      return FetchError(FetchError::Kind::Network, what);
  }
}

}  // namespace

FetchResponse fetch(const NetPolicy& policy, const FetchRequest& request) {
  // A request worker waiting on another server gives its work slot to local requests meanwhile.
  concurrency::StepAside waiting_on_network;
  auto url = parse_url(request.url);
  if (!url) throw FetchError(FetchError::Kind::InvalidUrl, "not an http(s) URL: " + request.url);
  const bool is_get = request.method == "GET";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(request.total_timeout_seconds);
  auto out_of_time = [&] {
    return FetchError(FetchError::Kind::Timeout, "took longer than " + std::to_string(request.total_timeout_seconds) +
                                                     " s in all fetching " + request.url);
  };

  for (int hop = 0;; ++hop) {
    if (std::chrono::steady_clock::now() >= deadline) throw out_of_time();
    auto client = client_for(policy, *url, request.timeout_seconds);
    httplib::Headers headers = request.headers;
    headers.emplace("User-Agent", policy.user_agent);
    if (request.sign) request.sign(*url, request.method, request.body, headers);

    FetchResponse response;
    response.url = url->to_string();
    bool too_large = false;
    bool too_slow = false;
    httplib::Result result{nullptr, httplib::Error::Unknown};
    if (is_get) {
      result = client->Get(
          url->path_and_query, headers,
          [&](const httplib::Response& r) {
            // Refuse early when the server announces an oversized body.
            auto length = r.get_header_value("Content-Length");
            if (!length.empty() && std::strtoull(length.c_str(), nullptr, 10) > request.max_body_bytes) {
              too_large = true;
              return false;
            }
            return true;
          },
          [&](const char* data, size_t size) {
            if (std::chrono::steady_clock::now() >= deadline) {
              too_slow = true;
              return false;
            }
            if (response.body.size() + size > request.max_body_bytes) {
              too_large = true;
              return false;
            }
            response.body.append(data, size);
            return true;
          });
    } else {
      result = client->Post(url->path_and_query, headers, request.body, request.content_type);
      if (result && result->body.size() > request.max_body_bytes) result->body.resize(request.max_body_bytes);
    }
    if (!result && too_slow) throw out_of_time();
    if (!result) throw error_from(result.error(), *url, too_large);

    response.status = result->status;
    response.headers = result->headers;
    if (!is_get) response.body = std::move(result->body);

    const bool redirect = response.status == 301 || response.status == 302 || response.status == 303 ||
                          response.status == 307 || response.status == 308;
    if (!is_get || !redirect) return response;
    if (hop >= request.max_redirects) {
      throw FetchError(FetchError::Kind::TooManyRedirects, "too many redirects fetching " + request.url);
    }
    auto next = resolve_reference(*url, response.header("Location"));
    if (!next) throw FetchError(FetchError::Kind::InvalidUrl, "bad redirect target from " + url->to_string());
    url = next;
  }
}

}  // namespace vmst::net
