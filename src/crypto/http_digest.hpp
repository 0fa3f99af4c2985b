#pragma once
// The RFC 3230 `Digest` request header that binds a body to a draft-cavage HTTP signature (Mastodon signs and
// requires `digest` on every POST).
#include <string>
#include <string_view>

namespace vmst::crypto {

// "SHA-256=<base64 of sha256(body)>", byte for byte what Mastodon sends (standard alphabet, padded).
std::string digest_header(std::string_view body);

enum class DigestCheck {
  Match,                 // every SHA-256 / SHA-512 entry matches the body
  Mismatch,              // a SHA-256 or SHA-512 entry is well formed but names another body
  NoSupportedAlgorithm,  // well formed, but lists neither SHA-256 nor SHA-512 (e.g. only MD5)
  Malformed,             // empty, an entry without "=", or a SHA-256/512 value that is not base64 of the right length
};

// Checks a Digest header value against the body. The value is a comma-separated list of `algorithm=base64`
// (e.g. "SHA-256=..,SHA-512=.."); algorithm names are case-insensitive, whitespace around entries is ignored and
// empty list elements are skipped. Entries for other algorithms are ignored. When both SHA-256 and SHA-512 are
// present, both must match: a sender that lies in one of them is not trusted for the other.
DigestCheck check_digest(std::string_view digest_header_value, std::string_view body);

}  // namespace vmst::crypto
