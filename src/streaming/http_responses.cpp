#include "streaming/http_responses.hpp"

#include <boost/beast/http/field.hpp>

#include "streaming/wire_format.hpp"

namespace vmst::streaming {

namespace http = boost::beast::http;

namespace {

HttpResponse base(const HttpRequest& request, http::status status) {
  HttpResponse response{status, request.version()};
  response.set(http::field::server, "vmst");
  response.set(http::field::access_control_allow_origin, "*");
  response.keep_alive(request.keep_alive());
  return response;
}

}  // namespace

HttpResponse json_error_response(const HttpRequest& request, http::status status, std::string_view message) {
  auto response = base(request, status);
  response.set(http::field::content_type, "application/json; charset=utf-8");
  response.set(http::field::cache_control, "no-store");
  response.body() = json_error_body(message);
  response.prepare_payload();
  return response;
}

HttpResponse health_response(const HttpRequest& request) {
  auto response = base(request, http::status::ok);
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  response.set(http::field::cache_control, "no-store");
  response.body() = "OK";
  response.prepare_payload();
  return response;
}

HttpResponse preflight_response(const HttpRequest& request) {
  auto response = base(request, http::status::no_content);
  response.set(http::field::access_control_allow_methods, "GET, OPTIONS");
  auto asked = request[http::field::access_control_request_headers];
  response.set(http::field::access_control_allow_headers,
               asked.empty() ? boost::beast::string_view("Authorization, Accept, Cache-Control") : asked);
  response.set(http::field::access_control_max_age, "86400");
  response.prepare_payload();
  return response;
}

}  // namespace vmst::streaming
