#pragma once
// The plain HTTP answers of the streaming listener: errors, health, CORS preflight. All carry CORS headers, since
// web clients (Elk, Phanpy) open streams from another origin.
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string_view>

namespace vmst::streaming {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Boost 1.74's Beast has its own string_view.
inline std::string_view to_std(boost::beast::string_view text) { return {text.data(), text.size()}; }
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

// {"error": message}
HttpResponse json_error_response(const HttpRequest& request, boost::beast::http::status status, std::string_view message);
// 200 text/plain "OK"
HttpResponse health_response(const HttpRequest& request);
// 204 answering an OPTIONS preflight
HttpResponse preflight_response(const HttpRequest& request);

}  // namespace vmst::streaming
