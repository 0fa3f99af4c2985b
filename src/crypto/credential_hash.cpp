#include "crypto/credential_hash.hpp"

#include "crypto/encoding.hpp"

namespace vmst::crypto {

std::string credential_hash(std::string_view secret) { return hex_encode(sha256(secret)); }

}  // namespace vmst::crypto
