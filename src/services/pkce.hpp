#pragma once
// PKCE (RFC 7636): a browser client (Phanpy) keeps a random code_verifier, sends its SHA-256 (the code_challenge) to
// /oauth/authorize and the verifier itself to /oauth/token, so a code intercepted on the way back is useless to
// anyone else. Only S256 is offered, as Mastodon does: `plain` protects nothing against a reader of the redirect.
#include <string>
#include <string_view>

namespace vmst::services {

inline constexpr std::string_view kPkceS256 = "S256";

// RFC 7636 §4.1: 43 to 128 characters from [A-Z a-z 0-9 - . _ ~].
bool valid_code_verifier(std::string_view verifier);

// A challenge has the same alphabet and length rules (an S256 challenge is always 43 characters).
bool valid_code_challenge(std::string_view challenge);

// BASE64URL(SHA256(verifier)), unpadded.
std::string s256_code_challenge(std::string_view verifier);

// True when `verifier` answers `challenge` under `method`. Only "S256" is supported; anything else is false.
bool verify_code_verifier(std::string_view method, std::string_view challenge, std::string_view verifier);

}  // namespace vmst::services
