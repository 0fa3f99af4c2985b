#pragma once
// Outbound HTTP for federation: fetching actors, keys and objects (and, later, the delivery engine's POSTs).
// Every hop is checked: the scheme (http only with federation.allow_http), the address (the SSRF guard), the
// size of the body and the time taken. Redirects are followed by hand so each target is checked again.
//
// Thread-safe; runs on the calling thread and blocks it for at most total_timeout_seconds.
#include <httplib.h>

#include <functional>
#include <stdexcept>
#include <string>

#include "net/url.hpp"

namespace vmst::net {

struct NetPolicy {
  bool allow_http = false;
  bool allow_private_addresses = false;
  std::string user_agent = "vmst";
};

// Adds signature headers (Date, Digest, Signature) for a request about to go to `url`. Called once per hop, so a
// redirected request is signed for its new target.
using RequestSigner =
    std::function<void(const Url& url, const std::string& method, const std::string& body, httplib::Headers& headers)>;

struct FetchRequest {
  std::string method = "GET";  // GET or POST
  std::string url;
  httplib::Headers headers;    // e.g. Accept
  std::string body;            // POST only
  std::string content_type;    // POST only
  size_t max_body_bytes = 1024 * 1024;
  int timeout_seconds = 10;    // to connect, and between two reads
  // For the whole fetch, redirects included: a server that sends a byte every few seconds never trips the read
  // timeout, so without this it could hold the calling thread for as long as it likes.
  int total_timeout_seconds = 60;
  int max_redirects = 3;       // GET only; POSTs are never redirected
  RequestSigner sign;
};

struct FetchResponse {
  int status = 0;
  std::string url;  // after redirects
  httplib::Headers headers;
  std::string body;
  std::string header(const std::string& name) const;
};

class FetchError : public std::runtime_error {
 public:
  enum class Kind { InvalidUrl, Refused, Network, Timeout, TooLarge, TooManyRedirects };
  FetchError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// Throws FetchError. Any HTTP status (including 4xx/5xx) is a response, not an error.
FetchResponse fetch(const NetPolicy& policy, const FetchRequest& request);

}  // namespace vmst::net
