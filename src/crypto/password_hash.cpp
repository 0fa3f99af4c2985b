#include "crypto/password_hash.hpp"

#include <argon2.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "crypto/random_bytes.hpp"

namespace vmst::crypto {

namespace {
// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. About 30 ms on this class of machine.
constexpr uint32_t kTimeCost = 2;
constexpr uint32_t kMemoryKib = 19 * 1024;
constexpr uint32_t kParallelism = 1;
constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;
}  // namespace

std::string hash_password(std::string_view password) {
  std::string salt = random_bytes(kSaltBytes);
  size_t encoded_len = argon2_encodedlen(kTimeCost, kMemoryKib, kParallelism, kSaltBytes, kHashBytes, Argon2_id);
  std::vector<char> encoded(encoded_len);
  int rc = argon2id_hash_encoded(kTimeCost, kMemoryKib, kParallelism, password.data(), password.size(), salt.data(),
                                 salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2id failed: ") + argon2_error_message(rc));
  return std::string(encoded.data());
}

bool verify_password(std::string_view encoded_hash, std::string_view password) {
  std::string encoded(encoded_hash);  // libargon2 wants a NUL-terminated string
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace vmst::crypto
