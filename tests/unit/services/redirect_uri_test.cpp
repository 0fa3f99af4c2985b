#include "services/redirect_uri.hpp"

#include <catch2/catch.hpp>

using namespace vmst::services;
using Uris = std::vector<std::string>;

TEST_CASE("redirect URIs of every kind clients register are accepted", "[oauth][redirect_uri]") {
  for (const char* uri : {"urn:ietf:wg:oauth:2.0:oob", "https://elk.zone/api/social.example/oauth/https%3A%2F%2Felk.zone",
                          "oauth2redirect://com.keylesspalace.tusky/", "com.tapbots.Ivory.19300:/request_token",
                          "http://localhost:4000/callback", "https://phanpy.social/", "myapp:callback",
                          "https://app.example/cb?x=1#frag"}) {
    INFO(uri);
    CHECK_FALSE(redirect_uri_problem(uri).has_value());
  }
}

TEST_CASE("scripts and control characters are refused", "[oauth][redirect_uri]") {
  CHECK(redirect_uri_problem("javascript:alert(1)") == "is forbidden by the server.");
  CHECK(redirect_uri_problem("JavaScript:alert(1)") == "is forbidden by the server.");
  CHECK(redirect_uri_problem("data:text/html,<script>x</script>") == "is forbidden by the server.");
  CHECK(redirect_uri_problem("vbscript:msgbox") == "is forbidden by the server.");
  // Browsers drop tabs and newlines inside URLs, which would turn this into javascript:.
  CHECK(redirect_uri_problem("java\tscript:alert(1)") == "must be a valid URI.");
  CHECK(redirect_uri_problem("https://a.example/\r\nSet-Cookie: x=1") == "must be a valid URI.");
  CHECK(redirect_uri_problem("https://a.example/a b") == "must be a valid URI.");
  CHECK(redirect_uri_problem("") == "can't be blank");
  CHECK(redirect_uri_problem(std::string(2001, 'a')).has_value());
}

TEST_CASE("a registration's URIs split on newlines, trimmed", "[oauth][redirect_uri]") {
  CHECK(split_redirect_uris("urn:ietf:wg:oauth:2.0:oob") == Uris{"urn:ietf:wg:oauth:2.0:oob"});
  CHECK(split_redirect_uris("https://a.example/cb\nhttps://a.example/other\n") ==
        Uris{"https://a.example/cb", "https://a.example/other"});
  CHECK(split_redirect_uris(" https://a.example/cb \r\n\n  x:y ") == Uris{"https://a.example/cb", "x:y"});
  CHECK(split_redirect_uris("").empty());
  CHECK(split_redirect_uris("\n \n").empty());
}

TEST_CASE("registered URIs compare verbatim", "[oauth][redirect_uri]") {
  const Uris registered{"https://a.example/cb", "com.tapbots.Ivory.19300:/request_token"};
  CHECK(redirect_uri_registered(registered, "https://a.example/cb"));
  CHECK(redirect_uri_registered(registered, "com.tapbots.Ivory.19300:/request_token"));
  CHECK_FALSE(redirect_uri_registered(registered, "https://a.example/cb/"));
  CHECK_FALSE(redirect_uri_registered(registered, "https://a.example/cb?x=1"));
  CHECK_FALSE(redirect_uri_registered(registered, "https://A.example/cb"));
  CHECK_FALSE(redirect_uri_registered(registered, "https://a.example/c"));
  CHECK(is_out_of_band("urn:ietf:wg:oauth:2.0:oob"));
  CHECK_FALSE(is_out_of_band("urn:ietf:wg:oauth:2.0:oo"));
}

TEST_CASE("results are appended to the redirect URI's query or fragment", "[oauth][redirect_uri]") {
  CHECK(redirect_with_params("https://a.example/cb", {{"code", "abc"}, {"state", "x y&z"}}) ==
        "https://a.example/cb?code=abc&state=x%20y%26z");
  CHECK(redirect_with_params("https://a.example/cb?app=1", {{"code", "abc"}}) == "https://a.example/cb?app=1&code=abc");
  CHECK(redirect_with_params("https://a.example/cb?", {{"code", "abc"}}) == "https://a.example/cb?code=abc");
  CHECK(redirect_with_params("https://a.example/cb#section", {{"code", "abc"}}) ==
        "https://a.example/cb?code=abc#section");
  CHECK(redirect_with_params("com.tapbots.Ivory.19300:/request_token", {{"code", "abc"}}) ==
        "com.tapbots.Ivory.19300:/request_token?code=abc");
  CHECK(redirect_with_params("oauth2redirect://com.keylesspalace.tusky/", {{"code", "abc"}}) ==
        "oauth2redirect://com.keylesspalace.tusky/?code=abc");
  CHECK(redirect_with_params("https://a.example/cb#old", {{"code", "abc"}}, true) == "https://a.example/cb#code=abc");
}
