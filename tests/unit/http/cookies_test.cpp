#include "http/cookies.hpp"

#include <catch2/catch.hpp>

using namespace vmst::http;

TEST_CASE("cookies are read from the Cookie header", "[cookies]") {
  httplib::Request req;
  req.headers.emplace("Cookie", "a=1; vmst_csrf=abc-DEF_123 ; other=\"quoted\"");
  CHECK(cookie_value(req, "vmst_csrf") == "abc-DEF_123");
  CHECK(cookie_value(req, "a") == "1");
  CHECK(cookie_value(req, "other") == "quoted");
  CHECK_FALSE(cookie_value(req, "vmst").has_value());
  CHECK_FALSE(cookie_value(req, "missing").has_value());
  req.headers.emplace("Cookie", "second=2");
  CHECK(cookie_value(req, "second") == "2");
}

TEST_CASE("Set-Cookie carries the protective attributes", "[cookies]") {
  CookieOptions options;
  CHECK(set_cookie_header("vmst_csrf", "xyz", options) == "vmst_csrf=xyz; Path=/; HttpOnly; SameSite=Lax");
  options.secure = true;
  options.max_age_seconds = 3600;
  CHECK(set_cookie_header("s", "v", options) == "s=v; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure");
}
