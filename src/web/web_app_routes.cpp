#include "web/web_app_routes.hpp"

#include "http/error_responses.hpp"
#include "store/embedded_resources.hpp"

namespace vmst::web {

namespace {

// "wss://stream.example/api" -> "wss://stream.example": CSP source expressions name origins.
std::string origin_of(const std::string& url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return url;
  auto path = url.find('/', scheme_end + 3);
  return path == std::string::npos ? url : url.substr(0, path);
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

std::string web_app_content_security_policy(const std::string& base_url, const std::string& streaming_url) {
  std::string remote_media = starts_with(base_url, "http://") ? "https: http:" : "https:";
  std::string connect = "'self'";
  if (!streaming_url.empty()) connect += " " + origin_of(streaming_url);
  return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: " + remote_media +
         "; media-src 'self' blob: " + remote_media + "; connect-src " + connect +
         "; font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
}

void add_web_app_routes(http::Router& router, const std::string& base_url, const std::string& streaming_url) {
  auto policy = web_app_content_security_policy(base_url, streaming_url);
  http::Handler shell = [policy](const httplib::Request&, httplib::Response& res, const http::PathParams&) {
    auto page = embedded::find("static/web/index.html");
    if (!page) throw http::HttpError(404, "Record not found");
    res.status = 200;
    res.set_header("Content-Security-Policy", policy);
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "same-origin");
    // The shell is tiny and names its modules by fixed paths: revalidate so an upgrade is picked up at once.
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::string(*page), "text/html; charset=utf-8");
  };
  router.add(http::Method::Get, "/web", shell);
  router.add(http::Method::Get, "/web/*path", shell);
}

}  // namespace vmst::web
