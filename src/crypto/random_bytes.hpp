#pragma once
// Secrets from OpenSSL's CSPRNG: tokens, salts, generated passwords.
#include <cstddef>
#include <string>

namespace vmst::crypto {

// n raw bytes. Throws std::runtime_error if the CSPRNG fails.
std::string random_bytes(size_t n);

// n random bytes as unpadded base64url: bearer tokens, client secrets, codes.
std::string random_token(size_t n = 32);

// A password a person can copy: 24 characters from an unambiguous alphabet (about 137 bits).
std::string generate_password();

}  // namespace vmst::crypto
