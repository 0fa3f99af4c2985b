#include "http/cors.hpp"

namespace vmst::http {

bool cors_applies(std::string_view path) {
  return path.starts_with("/api/") || path == "/oauth/token" || path == "/oauth/revoke" ||
         path.starts_with("/oauth/token/") || path.starts_with("/oauth/revoke/") || path.starts_with("/.well-known/") ||
         path.starts_with("/nodeinfo/") || path == "/oauth/userinfo";
}

void add_cors_headers(httplib::Response& res) {
  res.set_header("Access-Control-Allow-Origin", "*");
  res.set_header("Access-Control-Expose-Headers",
                 "Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id, Idempotency-Key");
}

bool answer_preflight(const httplib::Request& req, httplib::Response& res) {
  if (req.method != "OPTIONS" || !cors_applies(req.path)) return false;
  add_cors_headers(res);
  res.set_header("Access-Control-Allow-Methods", "POST, PUT, DELETE, GET, PATCH, OPTIONS");
  res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
  res.set_header("Access-Control-Max-Age", "86400");
  res.status = 200;
  res.set_content("", "text/plain");
  return true;
}

}  // namespace vmst::http
