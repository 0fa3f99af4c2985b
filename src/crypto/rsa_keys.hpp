#pragma once
// Actor key pairs: RSA-2048, what every fediverse server verifies (Mastodon's `publicKey` with #main-key).
#include <string>

namespace vmst::crypto {

struct KeyPair {
  std::string private_pem;  // PKCS#8
  std::string public_pem;   // SubjectPublicKeyInfo
};

// Throws std::runtime_error if OpenSSL fails.
KeyPair generate_rsa_keypair(int bits = 2048);

}  // namespace vmst::crypto
