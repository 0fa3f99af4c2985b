#include "http/rate_limit_policy.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "crypto/credential_hash.hpp"
#include "http/error_responses.hpp"
#include "time/timestamps.hpp"

namespace vmst::http {

namespace {

// The path without trailing slashes: the router answers /api/v1/accounts/ too, so the limits must match it.
std::string_view normalized_path(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

// Only the token's presence and value matter here; api/authentication decides whether it is any good.
std::string bearer_token(const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  if (header.size() > 7 && (header.compare(0, 7, "Bearer ") == 0 || header.compare(0, 7, "bearer ") == 0)) {
    return header.substr(7);
  }
  if (req.has_param("access_token")) return req.get_param_value("access_token");
  return {};
}

}  // namespace

std::string client_address_key(std::string_view remote_addr) {
  std::string address(remote_addr);
  in6_addr v6{};
  if (address.find(':') != std::string::npos && inet_pton(AF_INET6, address.c_str(), &v6) == 1) {
    // IPv4-mapped addresses (::ffff:a.b.c.d) are IPv4 clients: count them per address.
    static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(kMapped, kMapped + 12, v6.s6_addr)) {
      char text[INET_ADDRSTRLEN] = {};
      inet_ntop(AF_INET, v6.s6_addr + 12, text, sizeof text);
      return std::string("ip:") + text;
    }
    for (int i = 8; i < 16; ++i) v6.s6_addr[i] = 0;
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(AF_INET6, &v6, text, sizeof text);
    return std::string("ip:") + text + "/64";
  }
  return "ip:" + address;
}

std::string api_client_key(const httplib::Request& req) {
  std::string token = bearer_token(req);
  if (!token.empty()) return "token:" + crypto::credential_hash(token);
  return client_address_key(req.remote_addr);
}

bool is_password_grant(const httplib::Request& req) {
  if (req.method != "POST" || normalized_path(req.path) != "/oauth/token") return false;
  if (req.has_param("grant_type")) return req.get_param_value("grant_type") == "password";
  if (req.get_header_value("Content-Type").starts_with("application/json")) {
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_object()) {
      auto it = body.find("grant_type");
      return it != body.end() && it->is_string() && it->get<std::string>() == "password";
    }
  }
  return false;
}

RateLimitPolicy::RateLimitPolicy(RateLimitSettings settings) : settings_(settings) {}

bool RateLimitPolicy::admit(const httplib::Request& req, httplib::Response& res) {
  return admit(req, res, now_millis());
}

bool RateLimitPolicy::admit(const httplib::Request& req, httplib::Response& res, int64_t now_ms) {
  if (!settings_.enabled) return true;
  const std::string_view path = normalized_path(req.path);
  const bool post = req.method == "POST";

  std::optional<RateDecision> shown;  // the decision whose numbers go into the headers
  bool allowed = true;
  auto count = [&](const std::string& key, const RateLimit& limit) {
    RateDecision d = limiter_.hit(key, limit, now_ms);
    allowed = allowed && d.allowed;
    // Headers describe the limit that stops the client first: a refusal, else the fewest requests left.
    if (!shown || (!d.allowed && shown->allowed) || (d.allowed == shown->allowed && d.remaining < shown->remaining)) {
      shown = d;
    }
  };

  if ((post && path == "/oauth/authorize") || is_password_grant(req)) {
    count("sign_in:" + client_address_key(req.remote_addr), settings_.sign_in);
  }
  // Each remote-interaction form sent makes this server look a handle up elsewhere: as scarce as sign-in attempts.
  if (post && path == "/interact") count("interact:" + client_address_key(req.remote_addr), settings_.sign_in);
  if (post && path == "/api/v1/accounts") count("sign_up:" + client_address_key(req.remote_addr), settings_.sign_up);
  if (path.starts_with("/api/")) count("api:" + api_client_key(req), settings_.api);
  if (!shown) return true;

  res.set_header("X-RateLimit-Limit", std::to_string(shown->limit));
  res.set_header("X-RateLimit-Remaining", std::to_string(shown->remaining));
  res.set_header("X-RateLimit-Reset", format_iso8601_millis(shown->reset_at));
  if (allowed) return true;
  res.set_header("Retry-After", std::to_string(std::max<int64_t>((shown->reset_at - now_ms + 999) / 1000, 1)));
  send_error(res, 429, "Too many requests");
  return false;
}

}  // namespace vmst::http
