#pragma once
// How bearer tokens, authorization codes and session ids are kept in the database: hex SHA-256 of the secret.
// The secrets are 256 random bits, so a fast unsalted hash is enough, and a lookup by hash stays one index probe.
#include <string>
#include <string_view>

namespace vmst::crypto {

std::string credential_hash(std::string_view secret);

}  // namespace vmst::crypto
