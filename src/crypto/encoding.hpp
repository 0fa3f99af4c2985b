#pragma once
// Byte encodings used by tokens, digests and signatures.
#include <optional>
#include <string>
#include <string_view>

namespace vmst::crypto {

std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);  // nullopt on malformed input
std::string base64url_encode(std::string_view bytes);                // unpadded
std::string hex_encode(std::string_view bytes);
std::string sha256(std::string_view data);                            // raw 32 bytes

}  // namespace vmst::crypto
