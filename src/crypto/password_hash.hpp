#pragma once
// Password storage: argon2id (libargon2) with a fresh random salt per hash, in the PHC encoded form
// ($argon2id$v=19$m=...,t=...,p=...$salt$hash) so parameters can be raised later without breaking old hashes.
#include <string>
#include <string_view>

namespace vmst::crypto {

// Throws std::runtime_error if libargon2 fails (out of memory).
std::string hash_password(std::string_view password);

// Constant-time comparison inside libargon2. False for a malformed hash.
bool verify_password(std::string_view encoded_hash, std::string_view password);

}  // namespace vmst::crypto
