#include "crypto/http_digest.hpp"

#include "crypto/encoding.hpp"
#include "crypto/http_text.hpp"
#include "text/trim.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <optional>

namespace vmst::crypto {

namespace {

std::string sha512(std::string_view data) {
  std::string out(SHA512_DIGEST_LENGTH, '\0');
  SHA512(reinterpret_cast<const unsigned char*>(data.data()), data.size(), reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

bool same_bytes(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string digest_header(std::string_view body) {
  std::string out = "SHA-256=";
  out += base64_encode(sha256(body));
  return out;
}

DigestCheck check_digest(std::string_view digest_header_value, std::string_view body) {
  using http_text::iequals_ascii;

  bool any_entry = false;
  bool any_supported = false;
  bool any_mismatch = false;
  std::optional<std::string> body_sha256, body_sha512;  // computed only when the header asks for them

  std::string_view rest = digest_header_value;
  while (true) {
    size_t comma = rest.find(',');
    std::string_view entry = text::trim(rest.substr(0, comma), text::kSpacesAndTabs);
    if (!entry.empty()) {
      any_entry = true;
      size_t eq = entry.find('=');  // the first "=": base64 padding in the value contains more
      if (eq == std::string_view::npos || eq == 0) return DigestCheck::Malformed;
      std::string_view algorithm = text::trim(entry.substr(0, eq), text::kSpacesAndTabs);
      std::string_view encoded = text::trim(entry.substr(eq + 1), text::kSpacesAndTabs);

      const std::string* expected = nullptr;
      if (iequals_ascii(algorithm, "SHA-256")) {
        if (!body_sha256) body_sha256 = sha256(body);
        expected = &*body_sha256;
      } else if (iequals_ascii(algorithm, "SHA-512")) {
        if (!body_sha512) body_sha512 = sha512(body);
        expected = &*body_sha512;
      }
      if (expected != nullptr) {
        any_supported = true;
        std::optional<std::string> given = base64_decode(encoded);
        if (!given || given->size() != expected->size()) return DigestCheck::Malformed;
        if (!same_bytes(*given, *expected)) any_mismatch = true;
      }
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }

  if (!any_entry) return DigestCheck::Malformed;
  if (!any_supported) return DigestCheck::NoSupportedAlgorithm;
  return any_mismatch ? DigestCheck::Mismatch : DigestCheck::Match;
}

}  // namespace vmst::crypto
