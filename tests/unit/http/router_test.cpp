#include "http/router.hpp"

#include <catch2/catch.hpp>

using namespace vmst::http;

namespace {
Handler named(std::string* out, std::string name) {
  return [out, name](const httplib::Request&, httplib::Response&, const PathParams&) { *out = name; };
}

// "none" when nothing matched, else the :id captured, else "matched".
std::string run(const Router& router, Method method, const std::string& path) {
  auto match = router.match(method, path);
  if (match.outcome != Router::Outcome::Found) return "none";
  return match.params.get("id").empty() ? "matched" : match.params.get("id");
}
}  // namespace

TEST_CASE("path parameters are captured", "[router]") {
  Router router;
  std::string called;
  router.add(Method::Get, "/api/v1/accounts/:id/statuses", named(&called, "statuses"));
  auto match = router.match(Method::Get, "/api/v1/accounts/12345/statuses");
  REQUIRE(match.outcome == Router::Outcome::Found);
  CHECK(match.params.get("id") == "12345");
  CHECK(match.params.get("missing").empty());
}

TEST_CASE("a literal segment beats a parameter whatever the registration order", "[router]") {
  Router router;
  std::string called;
  router.add(Method::Get, "/api/v1/accounts/:id", named(&called, "by id"));
  router.add(Method::Get, "/api/v1/accounts/lookup", named(&called, "lookup"));
  auto match = router.match(Method::Get, "/api/v1/accounts/lookup");
  REQUIRE(match.outcome == Router::Outcome::Found);
  httplib::Request req;
  httplib::Response res;
  (*match.handler)(req, res, match.params);
  CHECK(called == "lookup");
  CHECK(run(router, Method::Get, "/api/v1/accounts/99") == "99");
}

TEST_CASE("trailing and doubled slashes are tolerated", "[router]") {
  Router router;
  std::string called;
  router.add(Method::Get, "/api/v1/instance", named(&called, "instance"));
  CHECK(run(router, Method::Get, "/api/v1/instance/") == "matched");
  CHECK(run(router, Method::Get, "/api//v1/instance") == "matched");
  CHECK(run(router, Method::Get, "/api/v1/instances") == "none");
}

TEST_CASE("a known path with another method is told apart from an unknown path", "[router]") {
  Router router;
  std::string called;
  router.add(Method::Post, "/api/v1/statuses", named(&called, "post"));
  CHECK(router.match(Method::Get, "/api/v1/statuses").outcome == Router::Outcome::MethodNotAllowed);
  CHECK(router.match(Method::Get, "/api/v1/nothing").outcome == Router::Outcome::NotFound);
  CHECK(parse_method("HEAD") == Method::Get);
  CHECK_FALSE(parse_method("BREW").has_value());
}

TEST_CASE("duplicate and malformed routes are refused at registration", "[router]") {
  Router router;
  std::string called;
  router.add(Method::Get, "/a/:id", named(&called, "a"));
  CHECK_THROWS_AS(router.add(Method::Get, "/a/:other", named(&called, "b")), std::invalid_argument);
  CHECK_THROWS_AS(router.add(Method::Get, "no-slash", named(&called, "c")), std::invalid_argument);
  CHECK_NOTHROW(router.add(Method::Post, "/a/:id", named(&called, "d")));
}

TEST_CASE("a *rest segment captures the remainder of the path", "[router]") {
  Router router;
  std::string called;
  router.add(Method::Get, "/static/*path", named(&called, "static"));
  router.add(Method::Get, "/static/special", named(&called, "special"));
  auto match = router.match(Method::Get, "/static/avatars/original/missing.png");
  REQUIRE(match.outcome == Router::Outcome::Found);
  CHECK(match.params.get("path") == "avatars/original/missing.png");
  CHECK(router.match(Method::Get, "/static").outcome == Router::Outcome::NotFound);
  auto special = router.match(Method::Get, "/static/special");
  httplib::Request req;
  httplib::Response res;
  (*special.handler)(req, res, special.params);
  CHECK(called == "special");
  CHECK_THROWS_AS(router.add(Method::Get, "/x/*rest/more", named(&called, "bad")), std::invalid_argument);
}
