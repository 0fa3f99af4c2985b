#include "net/url.hpp"

#include <catch2/catch.hpp>

using vmst::net::parse_url;

TEST_CASE("absolute http(s) URLs parse into scheme, host, port and path", "[url]") {
  auto u = parse_url("https://Social.Example/users/alice?page=1#main-key");
  REQUIRE(u);
  CHECK(u->scheme == "https");
  CHECK(u->host == "social.example");
  CHECK(u->port == 443);
  CHECK_FALSE(u->explicit_port);
  CHECK(u->path_and_query == "/users/alice?page=1");
  CHECK(u->authority() == "social.example");
  CHECK(u->to_string() == "https://social.example/users/alice?page=1");

  auto p = parse_url("http://127.0.0.1:8080");
  REQUIRE(p);
  CHECK(p->port == 8080);
  CHECK(p->path_and_query == "/");
  CHECK(p->authority() == "127.0.0.1:8080");

  auto v6 = parse_url("http://[::1]:3000/inbox");
  REQUIRE(v6);
  CHECK(v6->host == "::1");
  CHECK(v6->authority() == "[::1]:3000");
}

TEST_CASE("URLs that are not plain http(s) are rejected", "[url]") {
  CHECK_FALSE(parse_url("ftp://example.com/x"));
  CHECK_FALSE(parse_url("javascript:alert(1)"));
  CHECK_FALSE(parse_url("https://user:pw@example.com/"));
  CHECK_FALSE(parse_url("https:///path"));
  CHECK_FALSE(parse_url("https://example.com:0/"));
  CHECK_FALSE(parse_url("https://example.com:99999/"));
  CHECK_FALSE(parse_url("https://exa mple.com/"));
  CHECK_FALSE(parse_url("https://example.com/a b"));
  CHECK_FALSE(parse_url("/relative"));
}

TEST_CASE("redirect targets resolve against the URL that redirected", "[url]") {
  auto base = *parse_url("https://a.example/users/alice");
  CHECK(vmst::net::resolve_reference(base, "/other")->to_string() == "https://a.example/other");
  CHECK(vmst::net::resolve_reference(base, "bob")->to_string() == "https://a.example/users/bob");
  CHECK(vmst::net::resolve_reference(base, "//b.example/x")->to_string() == "https://b.example/x");
  CHECK(vmst::net::resolve_reference(base, "http://c.example/y")->to_string() == "http://c.example/y");
}
