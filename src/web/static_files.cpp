#include "web/static_files.hpp"

#include <string>

#include "http/error_responses.hpp"
#include "store/embedded_resources.hpp"

namespace vmst::web {

std::string_view content_type_for(std::string_view path) {
  auto dot = path.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "webp") return "image/webp";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "ico") return "image/x-icon";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "json") return "application/json; charset=utf-8";
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "woff2") return "font/woff2";
  if (ext == "mp4") return "video/mp4";
  if (ext == "webm") return "video/webm";
  if (ext == "mp3") return "audio/mpeg";
  if (ext == "ogg") return "audio/ogg";
  if (ext == "wav") return "audio/wav";
  return "application/octet-stream";
}

namespace {
void serve_embedded(const std::string& path, httplib::Response& res) {
  // Embedded paths never contain "..": the lookup is an exact match against the build-time list.
  auto data = embedded::find(path);
  if (!data) throw http::HttpError(404, "Record not found");
  res.status = 200;
  res.set_header("Cache-Control", "public, max-age=86400");
  res.set_content(std::string(*data), std::string(content_type_for(path)));
}

http::Handler embedded_file(std::string path) {
  return [path](const httplib::Request&, httplib::Response& res, const http::PathParams&) { serve_embedded(path, res); };
}
}  // namespace

void add_static_routes(http::Router& router) {
  router.add(http::Method::Get, "/static/*path",
             [](const httplib::Request&, httplib::Response& res, const http::PathParams& params) {
               serve_embedded("static/" + params.get("path"), res);
             });
  router.add(http::Method::Get, "/avatars/original/missing.png", embedded_file("static/avatars/original/missing.png"));
  router.add(http::Method::Get, "/headers/original/missing.png", embedded_file("static/headers/original/missing.png"));
}

}  // namespace vmst::web
