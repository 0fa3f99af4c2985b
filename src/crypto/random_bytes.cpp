#include "crypto/random_bytes.hpp"

#include <openssl/rand.h>

#include <stdexcept>

#include "crypto/encoding.hpp"

namespace vmst::crypto {

std::string random_bytes(size_t n) {
  std::string out(n, '\0');
  if (n > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
    throw std::runtime_error("the system random number generator failed");
  }
  return out;
}

std::string random_token(size_t n) { return base64url_encode(random_bytes(n)); }

std::string generate_password() {
  // No 0/O, 1/l/I: the password is read off a terminal and typed into a login form.
  static constexpr std::string_view alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  while (out.size() < 24) {
    for (unsigned char byte : random_bytes(32)) {
      // Rejection sampling keeps every character equally likely.
      if (byte >= 256 - (256 % alphabet.size())) continue;
      out += alphabet[byte % alphabet.size()];
      if (out.size() == 24) break;
    }
  }
  return out;
}

}  // namespace vmst::crypto
