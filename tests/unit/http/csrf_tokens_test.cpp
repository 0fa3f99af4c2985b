#include "http/csrf_tokens.hpp"

#include <catch2/catch.hpp>

using namespace vmst::http;

TEST_CASE("a form token works once, for the browser it was issued to", "[csrf]") {
  CsrfTokens tokens(60000, 100);
  auto token = tokens.issue("browser-a", 1000);
  CHECK(token.size() >= 43);
  CHECK_FALSE(tokens.consume(token, "browser-b", 2000));
  // A wrong session burns the token too: it was seen by someone it was not meant for.
  CHECK_FALSE(tokens.consume(token, "browser-a", 2000));

  auto second = tokens.issue("browser-a", 1000);
  CHECK(tokens.consume(second, "browser-a", 2000));
  CHECK_FALSE(tokens.consume(second, "browser-a", 2001));
  CHECK_FALSE(tokens.consume("made-up", "browser-a", 2000));
  CHECK_FALSE(tokens.consume("", "", 2000));
}

TEST_CASE("form tokens expire", "[csrf]") {
  CsrfTokens tokens(60000, 100);
  auto token = tokens.issue("s", 1000);
  CHECK_FALSE(tokens.consume(token, "s", 61000));
}

TEST_CASE("the token store stays bounded", "[csrf]") {
  CsrfTokens tokens(60000, 10);
  auto oldest = tokens.issue("s", 0);
  for (int i = 0; i < 50; ++i) tokens.issue("s", 1);
  CHECK(tokens.size() <= 10);
  CHECK_FALSE(tokens.consume(oldest, "s", 2));
  // Expired tokens go when new ones are issued.
  tokens.issue("s", 120000);
  CHECK(tokens.size() == 1);
}
