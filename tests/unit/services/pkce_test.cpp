#include "services/pkce.hpp"

#include <catch2/catch.hpp>

using namespace vmst::services;

namespace {
// RFC 7636 Appendix B.
const std::string kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const std::string kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
}  // namespace

TEST_CASE("S256 challenges match RFC 7636's example", "[oauth][pkce]") {
  CHECK(s256_code_challenge(kVerifier) == kChallenge);
  CHECK(verify_code_verifier("S256", kChallenge, kVerifier));
}

TEST_CASE("a wrong verifier, method or challenge is refused", "[oauth][pkce]") {
  CHECK_FALSE(verify_code_verifier("S256", kChallenge, kVerifier + "x"));
  CHECK_FALSE(verify_code_verifier("S256", kChallenge, std::string(43, 'a')));
  // `plain` is not offered: a verifier equal to the challenge proves nothing.
  CHECK_FALSE(verify_code_verifier("plain", kVerifier, kVerifier));
  CHECK_FALSE(verify_code_verifier("s256", kChallenge, kVerifier));
  CHECK_FALSE(verify_code_verifier("", kChallenge, kVerifier));
  CHECK_FALSE(verify_code_verifier("S256", "", kVerifier));
  CHECK_FALSE(verify_code_verifier("S256", kChallenge.substr(1), kVerifier));
}

TEST_CASE("verifiers are 43 to 128 unreserved characters", "[oauth][pkce]") {
  CHECK(valid_code_verifier(kVerifier));
  CHECK(valid_code_verifier(std::string(43, 'a')));
  CHECK(valid_code_verifier(std::string(128, '~')));
  CHECK(valid_code_verifier("abc-._~ABC0123456789abcdefghijklmnopqrstuvwxyz"));
  CHECK_FALSE(valid_code_verifier(std::string(42, 'a')));
  CHECK_FALSE(valid_code_verifier(std::string(129, 'a')));
  CHECK_FALSE(valid_code_verifier(std::string(42, 'a') + "+"));
  CHECK_FALSE(valid_code_verifier(std::string(42, 'a') + "/"));
  CHECK_FALSE(valid_code_verifier(std::string(42, 'a') + "="));
  CHECK_FALSE(valid_code_verifier(""));
  // A verifier that is too short never verifies, even when its hash matches.
  const std::string short_verifier(42, 'a');
  CHECK_FALSE(verify_code_verifier("S256", s256_code_challenge(short_verifier), short_verifier));
}

TEST_CASE("challenges follow the same alphabet", "[oauth][pkce]") {
  CHECK(valid_code_challenge(kChallenge));
  CHECK_FALSE(valid_code_challenge("short"));
  CHECK_FALSE(valid_code_challenge(kChallenge + "!"));
}
