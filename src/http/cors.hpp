#pragma once
// Cross-origin access for browser clients (Elk, Phanpy) that run on another origin, on the same paths Mastodon
// opens (config/initializers/cors.rb). `Link` must be exposed or a browser client cannot paginate.
#include <httplib.h>

#include <string_view>

namespace vmst::http {

bool cors_applies(std::string_view path);
void add_cors_headers(httplib::Response& res);
// True (and the response filled) when req is a CORS preflight for a CORS path: answered without auth or routing.
bool answer_preflight(const httplib::Request& req, httplib::Response& res);

}  // namespace vmst::http
