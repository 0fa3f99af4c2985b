#pragma once
// Which requests count against which limit, following Mastodon's Rack::Attack rules (rack_attack.rb):
//   api      every /api/* request, per bearer token, or per IP address when there is none
//   sign_in  POST /oauth/authorize and the password grant of POST /oauth/token, per IP address
//   sign_up  POST /api/v1/accounts, per IP address
// IPv6 addresses count per /64, as one host usually has a whole /64. Unlike Mastodon, loopback is not exempt:
// behind a reverse proxy every client would be loopback, and tests need the limits to apply.
//
// A token is counted by its hash without checking it: an invalid token gets 401 from every handler, so a client
// rotating made-up tokens gains nothing but cheap 401s.
#include <httplib.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "http/rate_limiter.hpp"

namespace vmst::http {

struct RateLimitSettings {
  bool enabled = true;
  RateLimit api{300, 5 * 60 * 1000};
  RateLimit sign_in{25, 5 * 60 * 1000};
  RateLimit sign_up{5, 30 * 60 * 1000};
};

class RateLimitPolicy {
 public:
  explicit RateLimitPolicy(RateLimitSettings settings);

  // Counts the request against every limit that applies and sets X-RateLimit-Limit/-Remaining/-Reset (from the
  // limit closest to running out). Returns false, with the 429 response filled in, when one is exhausted.
  bool admit(const httplib::Request& req, httplib::Response& res);
  bool admit(const httplib::Request& req, httplib::Response& res, int64_t now_ms);

 private:
  RateLimitSettings settings_;
  RateLimiter limiter_;
};

// "ip:203.0.113.7", or "ip:2001:db8:1:2::/64" for IPv6.
std::string client_address_key(std::string_view remote_addr);

// "token:<sha256>" for a request with a bearer token (header or access_token parameter), else the address key.
std::string api_client_key(const httplib::Request& req);

// True for a POST to /oauth/token whose grant_type (form or JSON body) is "password".
bool is_password_grant(const httplib::Request& req);

}  // namespace vmst::http
