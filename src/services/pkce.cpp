#include "services/pkce.hpp"

#include <algorithm>
#include <cctype>

#include "crypto/constant_time.hpp"
#include "crypto/encoding.hpp"

namespace vmst::services {

namespace {
bool unreserved(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '.' || ch == '_' || ch == '~';
}

bool pkce_token(std::string_view text) {
  return text.size() >= 43 && text.size() <= 128 && std::all_of(text.begin(), text.end(), unreserved);
}
}  // namespace

bool valid_code_verifier(std::string_view verifier) { return pkce_token(verifier); }

bool valid_code_challenge(std::string_view challenge) { return pkce_token(challenge); }

std::string s256_code_challenge(std::string_view verifier) {
  return crypto::base64url_encode(crypto::sha256(verifier));
}

bool verify_code_verifier(std::string_view method, std::string_view challenge, std::string_view verifier) {
  if (method != kPkceS256 || !valid_code_verifier(verifier)) return false;
  return crypto::constant_time_equal(s256_code_challenge(verifier), challenge);
}

}  // namespace vmst::services
