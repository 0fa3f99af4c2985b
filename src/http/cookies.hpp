#pragma once
// Reading the Cookie header and writing Set-Cookie, for the few server-rendered forms (OAuth authorize, later the
// web UI's login).
#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

namespace vmst::http {

// The value of cookie `name` from the request's Cookie header(s), or nullopt.
std::optional<std::string> cookie_value(const httplib::Request& req, std::string_view name);

struct CookieOptions {
  std::string path = "/";
  int max_age_seconds = 0;  // 0: a session cookie
  bool secure = false;      // set when the instance is served over https
  bool http_only = true;
  std::string same_site = "Lax";
};

// "name=value; Path=/; Max-Age=...; HttpOnly; SameSite=Lax[; Secure]". `value` must be cookie-safe (base64url).
std::string set_cookie_header(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace vmst::http
