#pragma once
// draft-cavage-http-signatures (the `Signature` header the fediverse signs requests with), as primitives: parse the
// header, rebuild the signing string, sign, verify. No policy lives here: which headers must be signed, the Date
// window, key lookup and the with/without-query retry Mastodon does are the caller's (see docs/federation.md §5.1).
// Nothing throws on bad input; failures come back as nullopt (with a reason where one is useful) or an enum.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vmst::crypto {

// The parameters of a `Signature` header (or of `Authorization: Signature ...`).
struct SignatureParams {
  std::string key_id;
  std::string algorithm;             // lowercased as sent; empty when absent (Mastodon then assumes hs2019)
  std::vector<std::string> headers;  // lowercased, in signing order; never empty (see parse_signature_header)
  std::string signature;             // raw signature bytes, base64-decoded
  std::optional<int64_t> created;    // the `created` / `expires` parameters, Unix seconds
  std::optional<int64_t> expires;
};

// Parses `keyId="...",algorithm="...",headers="...",signature="..."`: auth-params (RFC 9110 §11.2) in any order,
// names case-insensitive, values a token or a quoted-string with backslash escapes, whitespace allowed around
// "=" and ",", empty list elements skipped. A leading "Signature " is skipped, which accepts both the
// `Authorization: Signature ...` form and old node-http-signature's bogus prefix (Mastodon does the same).
// Unknown parameters are ignored. Returns nullopt, with the reason in *problem when given, if:
//   - the syntax is broken (unterminated quote, missing "=", junk between parameters);
//   - a known parameter appears twice (draft §2.2: the signature MUST NOT be processed);
//   - keyId or signature is missing or empty, or signature is not base64 (missing "=" padding is tolerated);
//   - created or expires is not a plain non-negative integer (digits only, no leading zeros), so the value
//     rebuilt for the signing string is exactly the one sent;
//   - headers is present but lists nothing (draft §2.1.6: a zero-length list MUST NOT be used).
// When headers is absent it defaults as Mastodon does: {"(created)"} for hs2019 or no algorithm (draft-12
// §2.1.6), {"date"} otherwise (the draft's Appendix C "Default Test" for rsa-sha256).
std::optional<SignatureParams> parse_signature_header(std::string_view value, std::string* problem = nullptr);

// Returns every value the request carries for a lowercased header name, in the order received; empty when the
// header is absent. Several fields with one name (Cache-Control twice) are several elements.
using HeaderValues = std::function<std::vector<std::string>(std::string_view lowercase_name)>;

// The draft §2.3 signing string for `headers`: one "name: value" line per entry, joined by "\n", no trailing
// newline. Names are matched case-insensitively. For each name:
//   (request-target)  "<lowercased method> <path_and_query>", path_and_query used exactly as given; Mastodon
//                     verifies with the query string and then again without it, so a caller wanting that calls
//                     this twice.
//   (created)         params->created, (expires) params->expires. An error when params is null, the parameter
//                     is absent, or params->algorithm starts with "rsa", "hmac" or "ecdsa" (draft §2.3 rules 2-3).
//   other (...)       an error: no other pseudo-headers exist.
//   header names      every value from `header`, each with leading/trailing whitespace removed, joined by ", "
//                     (draft §2.3 rule 4); an empty value gives "name: ". An error when `header` returns nothing
//                     or a value contains CR or LF (it could forge extra lines).
// Returns nullopt with the reason in *problem on any error.
std::optional<std::string> build_signing_string(std::string_view method, std::string_view path_and_query,
                                                const std::vector<std::string>& headers, const HeaderValues& header,
                                                const SignatureParams* params_for_pseudo_headers,
                                                std::string* problem = nullptr);

// Raw signature bytes over a signing string with a private key PEM (PKCS#8 or PKCS#1, unencrypted):
// RSASSA-PKCS1-v1_5 with SHA-256 for RSA keys (deterministic), Ed25519 for Ed25519 keys. nullopt when the PEM does
// not parse or holds another kind of key. Parsed keys are kept in shared_private_key_cache().
std::optional<std::string> sign_signing_string(std::string_view private_key_pem, std::string_view signing_string);

// Signs a request the way Mastodon does and returns the `Signature` header value:
//   keyId="<key_id>",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="<base64>"
// (request-target) is always signed first, then `signed_headers` in the order given. Give the exact values that
// will be sent (surrounding whitespace is dropped, as a verifier drops it); names are lowercased here, and a name given twice is listed once with its values joined by ", ",
// as a verifier will rebuild it. algorithm is "rsa-sha256" for RSA keys and "hs2019" for Ed25519 keys (Ed25519
// has no draft-cavage name of its own). nullopt when the key is unusable, a header name is not an HTTP token
// (empty, or a pseudo-header such as "(created)") or a value or the target contains CR or LF.
std::optional<std::string> sign_request(std::string_view key_id, std::string_view private_key_pem,
                                        std::string_view method, std::string_view path_and_query,
                                        const std::vector<std::pair<std::string, std::string>>& signed_headers);

enum class VerifyResult {
  Valid,
  Invalid,               // does not verify, including when the algorithm names another key type than the key's
  UnsupportedAlgorithm,  // algorithm is none of "", "hs2019", "rsa-sha256", "ed25519"
  BadKey,                // the PEM does not parse, or holds a key that is neither RSA nor Ed25519
};

// Verifies `signature` (raw bytes) over `signing_string` with a public key PEM: SPKI ("BEGIN PUBLIC KEY") or
// PKCS#1 ("BEGIN RSA PUBLIC KEY"). The key decides the scheme, as draft-12 §2.5 demands; `algorithm` (case-
// insensitive) must agree with it:
//   RSA key      "rsa-sha256", "hs2019" or "": RSASSA-PKCS1-v1_5 with SHA-256. For hs2019 this is what Mastodon
//                and GoToSocial use, not the SHA-512 the draft's registry suggests.
//   Ed25519 key  "ed25519", "hs2019" or "": pure Ed25519 over the signing string.
// Parsed keys are kept in shared_public_key_cache(), so repeated verifications with one key parse it once.
VerifyResult verify_signature(std::string_view algorithm, std::string_view public_key_pem,
                              std::string_view signing_string, std::string_view signature);

}  // namespace vmst::crypto
