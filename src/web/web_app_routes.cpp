#include "web/web_app_routes.hpp"

#include <cstdint>
#include <cstdio>

#include "http/error_responses.hpp"
#include "store/embedded_resources.hpp"
#include "web/static_files.hpp"

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

void set_common_headers(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-cache");
}

void serve_module(const std::string& path, const httplib::Request& req, httplib::Response& res) {
  auto data = embedded::find("static/web/" + path);
  if (!data) throw http::HttpError(404, "Record not found");
  const auto tag = entity_tag(*data);
  set_common_headers(res);
  res.set_header("ETag", tag);
  if (req.get_header_value("If-None-Match") == tag) {
    res.status = 304;
    return;
  }
  res.status = 200;
  res.set_content(std::string(*data), std::string(content_type_for(path)));
}

}  // namespace

std::string entity_tag(std::string_view content) {
  // FNV-1a, 64 bits: the files are ours and small; this only has to change when they do.
  uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : content) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char text[19];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return "\"" + std::string(text) + "\"";
}

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
    set_common_headers(res);
    res.set_header("Content-Security-Policy", policy);
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "same-origin");
    res.set_content(std::string(*page), "text/html; charset=utf-8");
  };
  router.add(http::Method::Get, "/web", shell);
  router.add(http::Method::Get, "/web/*path", shell);
  router.add(http::Method::Get, "/static/web/*path",
             [](const httplib::Request& req, httplib::Response& res, const http::PathParams& params) {
               serve_module(params.get("path"), req, res);
             });
}

}  // namespace vmst::web
