#include "crypto/password_hash.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "crypto/random_bytes.hpp"

using namespace vmst::crypto;

TEST_CASE("a password verifies against its own argon2id hash only", "[crypto][password]") {
  std::string hash = hash_password("correct horse battery staple");
  CHECK(hash.rfind("$argon2id$", 0) == 0);
  CHECK(verify_password(hash, "correct horse battery staple"));
  CHECK_FALSE(verify_password(hash, "correct horse battery stapl"));
  CHECK_FALSE(verify_password(hash, ""));
}

TEST_CASE("each hash gets its own salt", "[crypto][password]") {
  CHECK(hash_password("same password") != hash_password("same password"));
}

TEST_CASE("a malformed hash never verifies", "[crypto][password]") {
  CHECK_FALSE(verify_password("", "x"));
  CHECK_FALSE(verify_password("$argon2id$garbage", "x"));
  CHECK_FALSE(verify_password("plaintext", "plaintext"));
}

TEST_CASE("generated passwords are long, unambiguous and different", "[crypto][password]") {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    std::string p = generate_password();
    CHECK(p.size() == 24);
    CHECK(p.find_first_of("0O1lI") == std::string::npos);
    seen.insert(p);
  }
  CHECK(seen.size() == 50);
}

TEST_CASE("random tokens are base64url without padding", "[crypto]") {
  std::string t = random_token(32);
  CHECK(t.size() == 43);
  CHECK(t.find_first_of("+/=") == std::string::npos);
}
