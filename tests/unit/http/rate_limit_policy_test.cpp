#include "http/rate_limit_policy.hpp"

#include <catch2/catch.hpp>

using namespace vmst::http;

namespace {
constexpr int64_t kT0 = 1767225600000;  // 2026-01-01T00:00:00Z

httplib::Request request(const std::string& method, const std::string& path, const std::string& ip = "192.0.2.1") {
  httplib::Request req;
  req.method = method;
  req.path = path;
  req.remote_addr = ip;
  return req;
}

RateLimitSettings small_limits() {
  RateLimitSettings s;
  s.api = {3, 300000};
  s.sign_in = {2, 300000};
  s.sign_up = {1, 1800000};
  return s;
}
}  // namespace

TEST_CASE("API requests are limited per IP address and report it in headers", "[rate_limit]") {
  RateLimitPolicy policy(small_limits());
  httplib::Response res;
  CHECK(policy.admit(request("GET", "/api/v1/timelines/public"), res, kT0));
  CHECK(res.get_header_value("X-RateLimit-Limit") == "3");
  CHECK(res.get_header_value("X-RateLimit-Remaining") == "2");
  CHECK(res.get_header_value("X-RateLimit-Reset") == "2026-01-01T00:05:00.000Z");
  for (int i = 0; i < 2; ++i) {
    httplib::Response ok;
    CHECK(policy.admit(request("GET", "/api/v1/timelines/public"), ok, kT0));
  }
  httplib::Response refused;
  CHECK_FALSE(policy.admit(request("GET", "/api/v1/instance"), refused, kT0 + 1000));
  CHECK(refused.status == 429);
  CHECK(refused.body == R"({"error":"Too many requests"})");
  CHECK(refused.get_header_value("X-RateLimit-Remaining") == "0");
  CHECK(refused.get_header_value("Retry-After") == "299");
  // Another address is not affected.
  httplib::Response other;
  CHECK(policy.admit(request("GET", "/api/v1/instance", "192.0.2.2"), other, kT0 + 1000));
}

TEST_CASE("requests with a token count against the token, not the address", "[rate_limit]") {
  RateLimitPolicy policy(small_limits());
  for (int i = 0; i < 3; ++i) {
    auto req = request("GET", "/api/v1/timelines/home");
    req.headers.emplace("Authorization", "Bearer token-one");
    httplib::Response res;
    CHECK(policy.admit(req, res, kT0));
  }
  auto same = request("GET", "/api/v1/timelines/home");
  same.headers.emplace("Authorization", "Bearer token-one");
  httplib::Response refused;
  CHECK_FALSE(policy.admit(same, refused, kT0));
  auto other = request("GET", "/api/v1/timelines/home");
  other.headers.emplace("Authorization", "Bearer token-two");
  httplib::Response ok;
  CHECK(policy.admit(other, ok, kT0));
  httplib::Response anonymous;
  CHECK(policy.admit(request("GET", "/api/v1/timelines/public"), anonymous, kT0));
}

TEST_CASE("sign-in attempts have their own, smaller limit", "[rate_limit]") {
  RateLimitPolicy policy(small_limits());
  auto password_grant = [] {
    auto req = request("POST", "/oauth/token");
    req.params.emplace("grant_type", "password");
    return req;
  };
  httplib::Response a, b, c;
  CHECK(policy.admit(password_grant(), a, kT0));
  CHECK(a.get_header_value("X-RateLimit-Limit") == "2");
  CHECK(policy.admit(request("POST", "/oauth/authorize"), b, kT0));
  CHECK_FALSE(policy.admit(password_grant(), c, kT0));
  CHECK(c.status == 429);
  // Other grants and the authorize page itself are not sign-in attempts.
  auto code_grant = request("POST", "/oauth/token");
  code_grant.params.emplace("grant_type", "authorization_code");
  httplib::Response d, e;
  CHECK(policy.admit(code_grant, d, kT0));
  CHECK(d.get_header_value("X-RateLimit-Limit").empty());
  CHECK(policy.admit(request("GET", "/oauth/authorize"), e, kT0));
}

TEST_CASE("a JSON password grant is recognised", "[rate_limit]") {
  auto req = request("POST", "/oauth/token");
  req.headers.emplace("Content-Type", "application/json");
  req.body = R"({"grant_type":"password","username":"a","password":"b"})";
  CHECK(is_password_grant(req));
  req.body = R"({"grant_type":"client_credentials"})";
  CHECK_FALSE(is_password_grant(req));
  req.body = "not json";
  CHECK_FALSE(is_password_grant(req));
}

TEST_CASE("sign-ups are limited per address, trailing slash or not", "[rate_limit]") {
  RateLimitPolicy policy(small_limits());
  httplib::Response a, b;
  CHECK(policy.admit(request("POST", "/api/v1/accounts"), a, kT0));
  CHECK(a.get_header_value("X-RateLimit-Limit") == "1");
  CHECK(a.get_header_value("X-RateLimit-Reset") == "2026-01-01T00:30:00.000Z");
  CHECK_FALSE(policy.admit(request("POST", "/api/v1/accounts/"), b, kT0));
  CHECK(b.status == 429);
}

TEST_CASE("paths outside the API and disabled limits are not counted", "[rate_limit]") {
  RateLimitPolicy policy(small_limits());
  for (int i = 0; i < 10; ++i) {
    httplib::Response res;
    CHECK(policy.admit(request("GET", "/users/alice"), res, kT0));
    CHECK_FALSE(res.has_header("X-RateLimit-Limit"));
  }
  auto settings = small_limits();
  settings.enabled = false;
  RateLimitPolicy off(settings);
  for (int i = 0; i < 10; ++i) {
    httplib::Response res;
    CHECK(off.admit(request("GET", "/api/v1/instance"), res, kT0));
  }
}

TEST_CASE("IPv6 clients are counted per /64", "[rate_limit]") {
  CHECK(client_address_key("2001:db8:1:2:aaaa::1") == "ip:2001:db8:1:2::/64");
  CHECK(client_address_key("2001:db8:1:2:bbbb:cccc:dddd:eeee") == "ip:2001:db8:1:2::/64");
  CHECK(client_address_key("::ffff:192.0.2.7") == "ip:192.0.2.7");
  CHECK(client_address_key("192.0.2.7") == "ip:192.0.2.7");
}
