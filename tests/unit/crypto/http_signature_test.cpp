#include "crypto/encoding.hpp"
#include "crypto/http_date.hpp"
#include "crypto/http_digest.hpp"
#include "crypto/http_signature.hpp"
#include "crypto/pem_key_cache.hpp"
#include "crypto/rsa_keys.hpp"

#include "crypto/http_signature_test_keys.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <thread>

using namespace vmst::crypto;
using namespace vmst::test_keys;

namespace {

// The request every draft-cavage-12 Appendix C example signs.
const std::multimap<std::string, std::string> kDraftRequestHeaders = {
    {"host", "example.com"},
    {"date", "Sun, 05 Jan 2014 21:31:40 GMT"},
    {"content-type", "application/json"},
    {"digest", "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="},
    {"content-length", "18"},
};
constexpr const char* kDraftBody = R"({"hello": "world"})";

HeaderValues lookup_in(const std::multimap<std::string, std::string>& headers) {
  return [&headers](std::string_view name) {
    std::vector<std::string> values;
    auto [first, last] = headers.equal_range(std::string(name));
    for (auto it = first; it != last; ++it) values.push_back(it->second);
    return values;
  };
}

std::string decode(std::string_view base64) {
  std::optional<std::string> bytes = base64_decode(base64);
  REQUIRE(bytes);
  return *bytes;
}

std::string build(std::string_view method, std::string_view target, const SignatureParams& params,
                  const std::multimap<std::string, std::string>& headers) {
  std::string problem;
  std::optional<std::string> s = build_signing_string(method, target, params.headers, lookup_in(headers), &params, &problem);
  INFO(problem);
  REQUIRE(s);
  return *s;
}

SignatureParams parse(std::string_view header) {
  std::string problem;
  std::optional<SignatureParams> params = parse_signature_header(header, &problem);
  INFO(problem);
  REQUIRE(params);
  return *params;
}

std::string problem_parsing(std::string_view header) {
  std::string problem;
  CHECK_FALSE(parse_signature_header(header, &problem));
  CHECK_FALSE(problem.empty());
  return problem;
}

struct GeneratedKeyPair {
  std::string private_pem, public_pem;
};

GeneratedKeyPair generate_ed25519_keypair() {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free);
  REQUIRE(key);
  auto write = [&](bool private_part) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    int ok = private_part ? PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
                          : PEM_write_bio_PUBKEY(bio.get(), key.get());
    REQUIRE(ok == 1);
    char* data = nullptr;
    long length = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<size_t>(length));
  };
  return {write(true), write(false)};
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Digest

TEST_CASE("digest_header is SHA-256= and the base64 SHA-256 of the body, as Mastodon sends it", "[crypto][digest]") {
  // The body and Digest value of draft-cavage-12 Appendix C; also `openssl dgst -sha256 -binary | base64`.
  CHECK(digest_header(kDraftBody) == "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=");
  CHECK(digest_header("") == "SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}

TEST_CASE("check_digest matches the signed body and reports a different body as a mismatch", "[crypto][digest]") {
  std::string header = digest_header(kDraftBody);
  CHECK(check_digest(header, kDraftBody) == DigestCheck::Match);
  CHECK(check_digest(header, R"({"hello": "world!"})") == DigestCheck::Mismatch);
  CHECK(check_digest(header, "") == DigestCheck::Mismatch);
}

TEST_CASE("check_digest reads multi-algorithm digests in any case and needs every SHA-256/512 entry to match",
          "[crypto][digest]") {
  const std::string sha256 = "X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=";
  // printf '{"hello": "world"}' | openssl dgst -sha512 -binary | base64 -w0
  const std::string sha512 =
      "WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==";
  const std::string other512 = base64_encode(std::string(64, 'x'));

  CHECK(check_digest("sha-256=" + sha256, kDraftBody) == DigestCheck::Match);
  CHECK(check_digest("SHA-512=" + sha512, kDraftBody) == DigestCheck::Match);
  CHECK(check_digest("SHA-256=" + sha256 + ",SHA-512=" + sha512, kDraftBody) == DigestCheck::Match);
  CHECK(check_digest(" SHA-512=" + sha512 + " , , Sha-256=" + sha256 + " ", kDraftBody) == DigestCheck::Match);
  CHECK(check_digest("MD5=Sd/dVLAcvNLSq16eXua5uQ==,SHA-256=" + sha256, kDraftBody) == DigestCheck::Match);
  CHECK(check_digest("SHA-256=" + sha256 + ",SHA-512=" + other512, kDraftBody) == DigestCheck::Mismatch);
}

TEST_CASE("check_digest reports malformed digest values and digests without a supported algorithm",
          "[crypto][digest]") {
  CHECK(check_digest("MD5=Sd/dVLAcvNLSq16eXua5uQ==", kDraftBody) == DigestCheck::NoSupportedAlgorithm);
  CHECK(check_digest("unixsum=30637", kDraftBody) == DigestCheck::NoSupportedAlgorithm);
  CHECK(check_digest("", kDraftBody) == DigestCheck::Malformed);
  CHECK(check_digest(" , ", kDraftBody) == DigestCheck::Malformed);
  CHECK(check_digest("SHA-256", kDraftBody) == DigestCheck::Malformed);
  CHECK(check_digest("=abc", kDraftBody) == DigestCheck::Malformed);
  CHECK(check_digest("SHA-256=", kDraftBody) == DigestCheck::Malformed);
  CHECK(check_digest("SHA-256=not base64!", kDraftBody) == DigestCheck::Malformed);
  CHECK(check_digest("SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE", kDraftBody) == DigestCheck::Malformed);
  CHECK(check_digest("SHA-256=" + base64_encode(std::string(20, 'x')), kDraftBody) == DigestCheck::Malformed);
}

// ---------------------------------------------------------------------------------------------------------------
// draft-cavage-12 Appendix C fixed vectors (RSASSA-PKCS1-v1_5 is deterministic, so signing reproduces them)

TEST_CASE("draft-cavage-12 Default Test: a signature without headers covers date only and matches the appendix",
          "[crypto][signature]") {
  const char* header =
      R"(keyId="Test",algorithm="rsa-sha256",signature="SjWJWbWN7i0wzBvtPl8rbASWz5xQW6mcJmn+ibttBqtifLN7Sazz6m79cNfwwb8DMJ5cou1s7uEGKKCs+FLEEaDV5lp7q25WqS+lavg7T8hc0GppauB6hbgEKTwblDHYGEtbGmtdHgVCk9SuS13F0hZ8FD0k/5OxEPXe5WozsbM=")";
  SignatureParams params = parse(header);
  CHECK(params.key_id == "Test");
  CHECK(params.algorithm == "rsa-sha256");
  CHECK(params.headers == std::vector<std::string>{"date"});

  std::string signing_string = build("POST", "/foo?param=value&pet=dog", params, kDraftRequestHeaders);
  CHECK(signing_string == "date: Sun, 05 Jan 2014 21:31:40 GMT");
  CHECK(verify_signature(params.algorithm, kDraftTestPublicKey, signing_string, params.signature) == VerifyResult::Valid);
  CHECK(sign_signing_string(kDraftTestPrivateKey, signing_string) == params.signature);
}

TEST_CASE("draft-cavage-12 Basic Test: (request-target) host date signs and verifies to the appendix signature",
          "[crypto][signature]") {
  const char* header = R"(keyId="Test",algorithm="rsa-sha256",
      headers="(request-target) host date",
      signature="qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=")";
  // Line breaks are not OWS; the appendix wraps for print only. Real headers come unwrapped.
  std::string unwrapped = header;
  std::erase(unwrapped, '\n');
  SignatureParams params = parse(unwrapped);

  std::string signing_string = build("POST", "/foo?param=value&pet=dog", params, kDraftRequestHeaders);
  CHECK(signing_string ==
        "(request-target): post /foo?param=value&pet=dog\nhost: example.com\ndate: Sun, 05 Jan 2014 21:31:40 GMT");
  CHECK(verify_signature("rsa-sha256", kDraftTestPublicKey, signing_string, params.signature) == VerifyResult::Valid);
  CHECK(sign_signing_string(kDraftTestPrivateKey, signing_string) == params.signature);

  std::optional<std::string> signed_header =
      sign_request("Test", kDraftTestPrivateKey, "POST", "/foo?param=value&pet=dog",
                   {{"host", "example.com"}, {"date", "Sun, 05 Jan 2014 21:31:40 GMT"}});
  CHECK(signed_header == R"(keyId="Test",algorithm="rsa-sha256",headers="(request-target) host date",)"
                         R"(signature="qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=")");
}

TEST_CASE("draft-cavage-12 All Headers Test: the signature covers the printed string, not the printed headers list",
          "[crypto][signature]") {
  // The appendix (marked "old and possibly wrong") prints headers="(request-target) (created) (expires) host date
  // content-type digest content-length" with algorithm rsa-sha256, but its signature was made over the string
  // below, without (created)/(expires) (checked with `openssl dgst -sha256 -verify`). And §2.3 forbids (created)
  // with rsa-* algorithms, so the printed parameters cannot be verified as they stand.
  const std::string signature = decode(
      "vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=");

  SignatureParams without_pseudo;
  without_pseudo.algorithm = "rsa-sha256";
  without_pseudo.headers = {"(request-target)", "host", "date", "content-type", "digest", "content-length"};
  std::string signing_string = build("POST", "/foo?param=value&pet=dog", without_pseudo, kDraftRequestHeaders);
  CHECK(signing_string ==
        "(request-target): post /foo?param=value&pet=dog\n"
        "host: example.com\n"
        "date: Sun, 05 Jan 2014 21:31:40 GMT\n"
        "content-type: application/json\n"
        "digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\n"
        "content-length: 18");
  CHECK(verify_signature("rsa-sha256", kDraftTestPublicKey, signing_string, signature) == VerifyResult::Valid);
  CHECK(sign_signing_string(kDraftTestPrivateKey, signing_string) == signature);
  CHECK(check_digest("SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=", kDraftBody) == DigestCheck::Match);

  SignatureParams as_printed = parse(
      R"(keyId="Test",algorithm="rsa-sha256",created=1402170695, expires=1402170699, )"
      R"(headers="(request-target) (created) (expires) host date content-type digest content-length", )"
      R"(signature="vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=")");
  CHECK(as_printed.created == 1402170695);
  CHECK(as_printed.expires == 1402170699);
  std::string problem;
  CHECK_FALSE(build_signing_string("POST", "/foo?param=value&pet=dog", as_printed.headers,
                                   lookup_in(kDraftRequestHeaders), &as_printed, &problem));
  CHECK(problem == "(created) is not allowed with algorithm rsa-sha256");
}

// ---------------------------------------------------------------------------------------------------------------
// Mastodon-style request, fixed vector made with the openssl command line

namespace {
constexpr const char* kFollowBody =
    R"({"@context":"https://www.w3.org/ns/activitystreams","id":"https://social.example/users/alice#follows/1",)"
    R"("type":"Follow","actor":"https://social.example/users/alice","object":"https://remote.example/users/bob"})";

// Made once with (signing string in sigstring.txt, exactly the five lines below, no trailing newline):
//   openssl dgst -sha256 -sign mastodon_style_key.pem sigstring.txt | base64 -w0
constexpr const char* kFollowSignature =
    "uL1H1H6majIjvMkGrMRSo3MDP7bSUVWfYHvE4YowAQQsr2FSbwNtvmQd4gIdqI8/zSOekQz8YNZFSEcGIbVoqHgMo8hO3vuFOFgTwR70+eSSGCWAy+"
    "rwkY7aHXXRK3yiIuvsbMhVN/aHp6RDG+32qrkrxXmywfo7hg/DgI8cthCiQGE7FLSvoclBjGyCaGi9tP9sEpLAMtUqhRoKZe+dYImdSavOMP3Jjxv8"
    "UkT5U+YfluTaqyT2u1LvS1bPuJHqsDG4Kg2ez9LkEvVytsH30drbS3Wo9z2BMEAj0UHBGxohyLP7nRGVqiV0DLpJgn+BKMj0Mzhjyh77bxu23pszSg==";

constexpr const char* kFollowSigningString =
    "(request-target): post /users/bob/inbox\n"
    "host: remote.example\n"
    "date: Tue, 10 Jun 2025 20:51:35 GMT\n"
    "digest: SHA-256=THOk6uVbIKyCcB+LYidelY8s8xX3ZelFNOKrlcRMBeU=\n"
    "content-type: application/activity+json";
}  // namespace

TEST_CASE("a Mastodon-style signed POST reproduces the signature made with the openssl command line",
          "[crypto][signature]") {
  std::string digest = digest_header(kFollowBody);
  CHECK(digest == "SHA-256=THOk6uVbIKyCcB+LYidelY8s8xX3ZelFNOKrlcRMBeU=");

  std::optional<std::string> header = sign_request(
      "https://social.example/users/alice#main-key", kMastodonStylePrivateKey, "POST", "/users/bob/inbox",
      {{"host", "remote.example"},
       {"date", "Tue, 10 Jun 2025 20:51:35 GMT"},
       {"digest", digest},
       {"content-type", "application/activity+json"}});
  REQUIRE(header);
  CHECK(*header == std::string(R"(keyId="https://social.example/users/alice#main-key",algorithm="rsa-sha256",)"
                               R"(headers="(request-target) host date digest content-type",signature=")") +
                       kFollowSignature + "\"");

  // And the receiving side, as an inbox would run it.
  const std::multimap<std::string, std::string> received = {
      {"host", "remote.example"},
      {"date", "Tue, 10 Jun 2025 20:51:35 GMT"},
      {"digest", digest},
      {"content-type", "application/activity+json"},
      {"user-agent", "http.rb/5.1.1 (Mastodon/4.3.0; +https://social.example/)"},
  };
  SignatureParams params = parse(*header);
  CHECK(params.key_id == "https://social.example/users/alice#main-key");
  std::string signing_string = build("POST", "/users/bob/inbox", params, received);
  CHECK(signing_string == kFollowSigningString);
  CHECK(verify_signature(params.algorithm, kMastodonStylePublicKey, signing_string, params.signature) ==
        VerifyResult::Valid);
  CHECK(check_digest(received.find("digest")->second, kFollowBody) == DigestCheck::Match);
}

TEST_CASE("signature verification accepts PKCS#1 BEGIN RSA PUBLIC KEY as well as SPKI, also with CRLF lines",
          "[crypto][signature]") {
  const std::string signature = decode(kFollowSignature);
  CHECK(verify_signature("rsa-sha256", kMastodonStylePublicKeyPkcs1, kFollowSigningString, signature) ==
        VerifyResult::Valid);
  CHECK(verify_signature("rsa-sha256", kMastodonStylePublicKeyPkcs1, "tampered", signature) == VerifyResult::Invalid);

  // Actor documents written on Windows or by hand: CRLF line endings and blank lines around the armour.
  std::string crlf = "\r\n";
  for (char c : std::string(kMastodonStylePublicKey)) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  crlf += "\r\n";
  CHECK(verify_signature("rsa-sha256", crlf, kFollowSigningString, signature) == VerifyResult::Valid);
}

TEST_CASE("signature verification rejects a wrong key, a tampered signing string and tampered or truncated signatures",
          "[crypto][signature]") {
  const std::string signature = decode(kFollowSignature);
  REQUIRE(verify_signature("rsa-sha256", kMastodonStylePublicKey, kFollowSigningString, signature) ==
          VerifyResult::Valid);

  CHECK(verify_signature("rsa-sha256", kDraftTestPublicKey, kFollowSigningString, signature) == VerifyResult::Invalid);
  KeyPair other = generate_rsa_keypair(2048);
  CHECK(verify_signature("rsa-sha256", other.public_pem, kFollowSigningString, signature) == VerifyResult::Invalid);

  std::string tampered_string = kFollowSigningString;
  tampered_string.replace(tampered_string.find("bob"), 3, "eve");
  CHECK(verify_signature("rsa-sha256", kMastodonStylePublicKey, tampered_string, signature) == VerifyResult::Invalid);
  CHECK(verify_signature("rsa-sha256", kMastodonStylePublicKey, std::string(kFollowSigningString) + "\n",
                         signature) == VerifyResult::Invalid);

  std::string flipped = signature;
  flipped[100] = static_cast<char>(flipped[100] ^ 0x01);
  CHECK(verify_signature("rsa-sha256", kMastodonStylePublicKey, kFollowSigningString, flipped) == VerifyResult::Invalid);
  CHECK(verify_signature("rsa-sha256", kMastodonStylePublicKey, kFollowSigningString, signature.substr(0, 255)) ==
        VerifyResult::Invalid);
  CHECK(verify_signature("rsa-sha256", kMastodonStylePublicKey, kFollowSigningString, signature + '\0') ==
        VerifyResult::Invalid);
  CHECK(verify_signature("rsa-sha256", kMastodonStylePublicKey, kFollowSigningString, "") == VerifyResult::Invalid);
}

TEST_CASE("signature verification reports unparsable keys as BadKey and unknown algorithms as UnsupportedAlgorithm",
          "[crypto][signature]") {
  const std::string signature = decode(kFollowSignature);
  CHECK(verify_signature("rsa-sha256", "", kFollowSigningString, signature) == VerifyResult::BadKey);
  CHECK(verify_signature("rsa-sha256", "not a key", kFollowSigningString, signature) == VerifyResult::BadKey);
  CHECK(verify_signature("rsa-sha256", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
                         kFollowSigningString, signature) == VerifyResult::BadKey);
  std::string cut_key = kMastodonStylePublicKey;
  cut_key.erase(60, 40);
  CHECK(verify_signature("rsa-sha256", cut_key, kFollowSigningString, signature) == VerifyResult::BadKey);
  // A private key where the public key belongs is not a public key PEM.
  CHECK(verify_signature("rsa-sha256", kMastodonStylePrivateKey, kFollowSigningString, signature) ==
        VerifyResult::BadKey);

  for (const char* algorithm : {"rsa-sha1", "rsa-sha512", "hmac-sha256", "ecdsa-sha256", "none"}) {
    INFO(algorithm);
    CHECK(verify_signature(algorithm, kMastodonStylePublicKey, kFollowSigningString, signature) ==
          VerifyResult::UnsupportedAlgorithm);
  }
}

TEST_CASE("signature verification derives the scheme from the key for hs2019 and no algorithm, and rejects a "
          "mismatched algorithm",
          "[crypto][signature]") {
  const std::string signature = decode(kFollowSignature);
  // GoToSocial sends algorithm="hs2019" with RSA-SHA256; Mastodon verifies it exactly like rsa-sha256.
  CHECK(verify_signature("hs2019", kMastodonStylePublicKey, kFollowSigningString, signature) == VerifyResult::Valid);
  CHECK(verify_signature("", kMastodonStylePublicKey, kFollowSigningString, signature) == VerifyResult::Valid);
  CHECK(verify_signature("RSA-SHA256", kMastodonStylePublicKey, kFollowSigningString, signature) ==
        VerifyResult::Valid);
  CHECK(verify_signature("ed25519", kMastodonStylePublicKey, kFollowSigningString, signature) == VerifyResult::Invalid);
  CHECK(verify_signature("rsa-sha256", kEd25519PublicKey, kFollowSigningString, signature) == VerifyResult::Invalid);
}

// ---------------------------------------------------------------------------------------------------------------
// Ed25519

TEST_CASE("Ed25519 signatures match a fixed openssl vector and round-trip with a generated key",
          "[crypto][signature]") {
  // Made once with: openssl pkeyutl -sign -inkey ed25519_key.pem -rawin -in sigstring.txt | base64 -w0
  // (the same five-line signing string as the Mastodon-style vector). Ed25519 is deterministic.
  const std::string fixed = decode(
      "nXebeCRiKXowlUu1tHypvGgDAROLzf2MgsX6eaJyus8G7MIW3/nt1Bvuoyx1yOQdGH2oG8KHoIVnDFhXBSbCCw==");
  CHECK(sign_signing_string(kEd25519PrivateKey, kFollowSigningString) == fixed);
  CHECK(verify_signature("ed25519", kEd25519PublicKey, kFollowSigningString, fixed) == VerifyResult::Valid);
  CHECK(verify_signature("hs2019", kEd25519PublicKey, kFollowSigningString, fixed) == VerifyResult::Valid);
  CHECK(verify_signature("", kEd25519PublicKey, kFollowSigningString, fixed) == VerifyResult::Valid);

  GeneratedKeyPair generated = generate_ed25519_keypair();
  std::optional<std::string> header = sign_request("https://social.example/users/alice#ed25519-key",
                                                   generated.private_pem, "GET", "/users/bob?page=true",
                                                   {{"host", "remote.example"}, {"date", http_date(1749588695)}});
  REQUIRE(header);
  SignatureParams params = parse(*header);
  CHECK(params.algorithm == "hs2019");
  CHECK(params.signature.size() == 64);
  std::string signing_string = build("GET", "/users/bob?page=true", params,
                                     {{"host", "remote.example"}, {"date", "Tue, 10 Jun 2025 20:51:35 GMT"}});
  CHECK(verify_signature(params.algorithm, generated.public_pem, signing_string, params.signature) ==
        VerifyResult::Valid);
  CHECK(verify_signature(params.algorithm, generated.public_pem, signing_string + "x", params.signature) ==
        VerifyResult::Invalid);
  CHECK(verify_signature(params.algorithm, kEd25519PublicKey, signing_string, params.signature) ==
        VerifyResult::Invalid);
}

// ---------------------------------------------------------------------------------------------------------------
// Signing

TEST_CASE("signature headers from sign_request parse back and verify against the string a receiver rebuilds",
          "[crypto][signature]") {
  KeyPair keys = generate_rsa_keypair(2048);
  // Headers with mixed-case names, a repeated name and surrounding whitespace, signed as a verifier rebuilds them.
  std::optional<std::string> header =
      sign_request(R"(https://social.example/users/a"b\c#main-key)", keys.private_pem, "GET", "/outbox?page=2",
                   {{"Host", "remote.example"}, {"Date", " Tue, 10 Jun 2025 20:51:35 GMT "}, {"Accept", "a/b"},
                    {"accept", "c/d"}});
  REQUIRE(header);
  SignatureParams params = parse(*header);
  CHECK(params.key_id == R"(https://social.example/users/a"b\c#main-key)");
  CHECK(params.headers == std::vector<std::string>{"(request-target)", "host", "date", "accept"});

  const std::multimap<std::string, std::string> received = {
      {"host", "remote.example"}, {"date", "Tue, 10 Jun 2025 20:51:35 GMT"}, {"accept", "a/b"}, {"accept", "c/d"}};
  std::string signing_string = build("GET", "/outbox?page=2", params, received);
  CHECK(signing_string ==
        "(request-target): get /outbox?page=2\nhost: remote.example\ndate: Tue, 10 Jun 2025 20:51:35 GMT\n"
        "accept: a/b, c/d");
  CHECK(verify_signature(params.algorithm, keys.public_pem, signing_string, params.signature) == VerifyResult::Valid);
  // Old Mastodon signed without the query string: that string is different, so a verifier must try both.
  CHECK(verify_signature(params.algorithm, keys.public_pem, build("GET", "/outbox", params, received),
                         params.signature) == VerifyResult::Invalid);
}

TEST_CASE("signature creation refuses unusable keys, bad header names and line breaks", "[crypto][signature]") {
  const std::vector<std::pair<std::string, std::string>> headers = {{"host", "remote.example"}};
  CHECK_FALSE(sign_request("k", "", "GET", "/", headers));
  CHECK_FALSE(sign_request("k", "garbage", "GET", "/", headers));
  CHECK_FALSE(sign_request("k", kMastodonStylePublicKey, "GET", "/", headers));  // a public key cannot sign
  CHECK_FALSE(sign_signing_string("garbage", "x"));
  CHECK_FALSE(sign_request("k", kMastodonStylePrivateKey, "GET", "/", {{"", "x"}}));
  CHECK_FALSE(sign_request("k", kMastodonStylePrivateKey, "GET", "/", {{"(created)", "1"}}));
  CHECK_FALSE(sign_request("k", kMastodonStylePrivateKey, "GET", "/", {{"two words", "x"}}));
  CHECK_FALSE(sign_request("k", kMastodonStylePrivateKey, "GET", "/", {{"x-injected", "a\nhost: evil"}}));
  CHECK_FALSE(sign_request("k", kMastodonStylePrivateKey, "GET", "/\nhost: evil", headers));
  CHECK(sign_request("k", kMastodonStylePrivateKey, "GET", "/", headers));
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing the Signature header

TEST_CASE("signature header parsing tolerates the spacing, ordering and quoting real servers send",
          "[crypto][signature]") {
  const std::string sig = "qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=";
  const std::string raw_sig = decode(sig);

  SECTION("reordered parameters with spaces around = and ,") {
    SignatureParams p = parse("  signature = \"" + sig +
                              "\" ,\theaders=\"(request-target)  Host DATE digest\" ,  keyId =\"https://a.example/u#k\","
                              "algorithm=\"RSA-SHA256\"  ");
    CHECK(p.key_id == "https://a.example/u#k");
    CHECK(p.algorithm == "rsa-sha256");
    CHECK(p.headers == std::vector<std::string>{"(request-target)", "host", "date", "digest"});
    CHECK(p.signature == raw_sig);
    CHECK_FALSE(p.created);
    CHECK_FALSE(p.expires);
  }
  SECTION("Authorization: Signature scheme and the bogus \"Signature \" prefix of old node-http-signature") {
    CHECK(parse("Signature keyId=\"k\",signature=\"" + sig + "\"").key_id == "k");
    CHECK(parse("signature  keyId=\"k\",signature=\"" + sig + "\"").key_id == "k");
    // A parameter named signature with space before "=" is not a scheme prefix.
    CHECK(parse("signature =\"" + sig + "\",keyId=\"k\"").signature == raw_sig);
  }
  SECTION("case-insensitive parameter names, unquoted tokens, escaped quotes, unknown and empty elements") {
    SignatureParams p = parse(",KEYID=\"a\\\"b\\\\c\",, Algorithm=hs2019,created=1402170695,expires=1402170995,"
                              "nonce=\"ignored\",signature=" + sig + ",");
    CHECK(p.key_id == "a\"b\\c");
    CHECK(p.algorithm == "hs2019");
    CHECK(p.created == 1402170695);
    CHECK(p.expires == 1402170995);
    CHECK(p.signature == raw_sig);
  }
  SECTION("an unpadded base64 signature") {
    std::string unpadded = sig;
    while (unpadded.back() == '=') unpadded.pop_back();
    CHECK(parse("keyId=\"k\",signature=\"" + unpadded + "\"").signature == raw_sig);
  }
}

TEST_CASE("signature header parsing defaults headers to (created) for hs2019 or no algorithm and to date otherwise",
          "[crypto][signature]") {
  CHECK(parse(R"(keyId="k",algorithm="rsa-sha256",signature="AAAA")").headers == std::vector<std::string>{"date"});
  CHECK(parse(R"(keyId="k",algorithm="hs2019",signature="AAAA")").headers == std::vector<std::string>{"(created)"});
  CHECK(parse(R"(keyId="k",signature="AAAA")").headers == std::vector<std::string>{"(created)"});
  CHECK(parse(R"(keyId="k",signature="AAAA")").algorithm.empty());
}

TEST_CASE("signature header parsing rejects malformed or ambiguous headers with a reason", "[crypto][signature]") {
  CHECK(problem_parsing("") == "keyId is missing");
  CHECK(problem_parsing(R"(signature="AAAA")") == "keyId is missing");
  CHECK(problem_parsing(R"(keyId="",signature="AAAA")") == "keyId is missing");
  CHECK(problem_parsing(R"(keyId="k")") == "signature is missing");
  CHECK(problem_parsing(R"(keyId="k",signature="")") == "signature is missing");
  CHECK(problem_parsing(R"(keyId="k",signature="!!!!")") == "signature is not base64");
  CHECK(problem_parsing(R"(keyId="k",keyId="j",signature="AAAA")") == "parameter keyId appears twice");
  CHECK(problem_parsing(R"(keyId="k",signature="AAAA",Signature="AAAA")") == "parameter signature appears twice");
  CHECK(problem_parsing(R"(keyId="k,signature="AAAA")") == "expected ',' after parameter keyId");
  CHECK(problem_parsing(R"(keyId="k",signature="AAAA)") == "unterminated quoted value for signature");
  CHECK(problem_parsing(R"(keyId "k",signature="AAAA")") == "expected '=' after parameter keyId");
  CHECK(problem_parsing(R"(keyId=,signature="AAAA")") == "missing value for parameter keyId");
  CHECK(problem_parsing(R"(keyId="k" junk,signature="AAAA")") == "expected ',' after parameter keyId");
  CHECK(problem_parsing(R"(="k")") == "expected a parameter name");
  CHECK(problem_parsing(R"(keyId="k",headers="  ",signature="AAAA")") == "headers is empty");
  CHECK(problem_parsing(R"(keyId="k",created="14021706.95",signature="AAAA")") ==
        "created is not a plain integer: 14021706.95");
  CHECK(problem_parsing(R"(keyId="k",expires=-5,signature="AAAA")") == "expires is not a plain integer: -5");
  CHECK(problem_parsing(R"(keyId="k",created=0123,signature="AAAA")") == "created is not a plain integer: 0123");
  CHECK(problem_parsing(R"(keyId="k",created=99999999999999999999,signature="AAAA")") ==
        "created is not a plain integer: 99999999999999999999");
  CHECK_FALSE(parse_signature_header("garbage"));  // no problem pointer: still just nullopt
}

// ---------------------------------------------------------------------------------------------------------------
// Signing strings

TEST_CASE("signature signing strings follow draft section 2.3: pseudo-headers, repeated and empty headers, OWS",
          "[crypto][signature]") {
  // The example of draft-cavage-12 §2.3 (obs-fold unfolding is the HTTP parser's job, so X-Example arrives
  // unfolded).
  const std::multimap<std::string, std::string> headers = {
      {"host", "example.org"},
      {"date", "Tue, 07 Jun 2014 20:51:35 GMT"},
      {"x-example", "Example header with some whitespace.  "},
      {"x-emptyheader", ""},
      {"cache-control", "max-age=60"},
      {"cache-control", " must-revalidate"},
  };
  SignatureParams params;
  params.algorithm = "hs2019";
  params.created = 1402170695;
  params.expires = 1402170995;
  params.headers = {"(request-target)", "(created)", "(expires)", "Host",
                    "date",             "cache-control", "x-emptyheader", "x-example"};
  CHECK(build("GET", "/foo", params, headers) ==
        "(request-target): get /foo\n"
        "(created): 1402170695\n"
        "(expires): 1402170995\n"
        "host: example.org\n"
        "date: Tue, 07 Jun 2014 20:51:35 GMT\n"
        "cache-control: max-age=60, must-revalidate\n"
        "x-emptyheader: \n"
        "x-example: Example header with some whitespace.");

  // The request target keeps the path's case and encoding; only the method is lowercased.
  params.headers = {"(request-target)"};
  CHECK(build("PoSt", "/Users/B%C3%B6b/inbox?a=1&B=2", params, headers) ==
        "(request-target): post /Users/B%C3%B6b/inbox?a=1&B=2");
}

TEST_CASE("signature signing strings fail on absent headers, misused or unknown pseudo-headers and line breaks",
          "[crypto][signature]") {
  const std::multimap<std::string, std::string> headers = {{"host", "example.org"}, {"x-bad", "a\r\nhost: evil"}};
  SignatureParams params;
  params.algorithm = "hs2019";
  auto problem_for = [&](std::vector<std::string> names, const SignatureParams* p) {
    std::string problem;
    CHECK_FALSE(build_signing_string("POST", "/inbox", names, lookup_in(headers), p, &problem));
    return problem;
  };
  CHECK(problem_for({"host", "date"}, &params) == "signed header date is absent from the request");
  CHECK(problem_for({"(created)"}, &params) == "(created) is listed but the parameter is absent");
  CHECK(problem_for({"(expires)"}, &params) == "(expires) is listed but the parameter is absent");
  CHECK(problem_for({"(created)"}, nullptr) == "(created) needs the signature parameters");
  CHECK(problem_for({"(method)"}, &params) == "unknown pseudo-header (method)");
  CHECK(problem_for({"x-bad"}, &params) == "header x-bad contains a line break");

  params.created = 1402170695;
  for (const char* algorithm : {"rsa-sha256", "hmac-sha256", "ecdsa-sha256"}) {
    params.algorithm = algorithm;
    CHECK(problem_for({"(created)"}, &params) == std::string("(created) is not allowed with algorithm ") + algorithm);
  }
  params.algorithm = "";  // absent means hs2019 to Mastodon
  CHECK(build_signing_string("POST", "/inbox", {"(created)"}, lookup_in(headers), &params) == "(created): 1402170695");
  CHECK_FALSE(build_signing_string("POST", "/inbox", {"host"}, nullptr, &params));  // no lookup: every header absent
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

TEST_CASE("signature Date headers: http_date writes IMF-fixdate and parse_http_date reads it back",
          "[crypto][signature][date]") {
  CHECK(http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT");  // RFC 9110's example
  CHECK(http_date(0) == "Thu, 01 Jan 1970 00:00:00 GMT");
  CHECK(http_date(1749588695) == "Tue, 10 Jun 2025 20:51:35 GMT");
  CHECK(http_date(951782400) == "Tue, 29 Feb 2000 00:00:00 GMT");
  CHECK(http_date(-1) == "Wed, 31 Dec 1969 23:59:59 GMT");
  CHECK(http_date(253402300799) == "Fri, 31 Dec 9999 23:59:59 GMT");
  CHECK(http_date(INT64_MAX) == "Fri, 31 Dec 9999 23:59:59 GMT");
  for (int64_t t : {int64_t{0}, int64_t{784111777}, int64_t{951782400}, int64_t{1749588695}, int64_t{4102444799},
                    int64_t{-86400 * 365}}) {
    INFO(t);
    CHECK(parse_http_date(http_date(t)) == t);
  }
}

TEST_CASE("signature Date headers: parse_http_date accepts IMF-fixdate, RFC 850 and asctime and nothing else",
          "[crypto][signature][date]") {
  CHECK(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
  CHECK(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == 784111777);
  CHECK(parse_http_date("Sun Nov  6 08:49:37 1994") == 784111777);
  CHECK(parse_http_date("Thu Nov 16 08:49:37 1994") == 784111777 + 10 * 86400);
  CHECK(parse_http_date(" \tTue, 10 Jun 2025 20:51:35 GMT ") == 1749588695);
  CHECK(parse_http_date("Tuesday, 10-Jun-25 20:51:35 GMT") == 1749588695);  // two-digit year, this century
  CHECK(parse_http_date("Mon, 10 Jun 2025 20:51:35 GMT") == 1749588695);    // wrong weekday is not checked
  CHECK(parse_http_date("Wed, 31 Dec 2008 23:59:60 GMT") == 1230768000);    // leap second

  for (const char* bad : {"", "yesterday", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Nov 1994 08:49:37 +0000",
                          "Sun, 6 Nov 1994 08:49:37 GMT", "sun, 06 nov 1994 08:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT",
                          "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
                          "Sun, 06 Nov 1994 08:60:00 GMT", "Sun, 06 Nov 1994 08:49:61 GMT",
                          "Sun, 06 Nov 1994 08:49:37 GMT extra", "Sun, 00 Nov 1994 08:49:37 GMT",
                          "Sun, 06 Nov 1994 8:49:37 GMT", "Sun,06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT",
                          "Sun Nov 6 08:49:37 1994", "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37 GMT\n"}) {
    INFO(bad);
    CHECK_FALSE(parse_http_date(bad));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Key cache

TEST_CASE("signature key cache parses each PEM once, evicts the least recently used and never caches failures",
          "[crypto][signature][cache]") {
  PemKeyCache cache(PemKeyCache::Kind::Public, 2);
  const std::string a = kDraftTestPublicKey, b = kMastodonStylePublicKey, c = kEd25519PublicKey;

  std::shared_ptr<EVP_PKEY> first_a = cache.get(a);
  REQUIRE(first_a);
  CHECK(cache.get(a) == first_a);  // same object: parsed once
  std::shared_ptr<EVP_PKEY> first_b = cache.get(b);
  REQUIRE(first_b);
  CHECK(cache.size() == 2);

  CHECK(cache.get(a) == first_a);  // a is now the most recent, so c evicts b
  REQUIRE(cache.get(c));
  CHECK(cache.size() == 2);
  CHECK(cache.get(a) == first_a);
  std::shared_ptr<EVP_PKEY> second_b = cache.get(b);  // parsed again, evicting c
  CHECK(second_b != first_b);
  CHECK(EVP_PKEY_eq(second_b.get(), first_b.get()) == 1);  // the evicted key stays usable by its holder

  CHECK_FALSE(cache.get("garbage"));
  CHECK_FALSE(cache.get(""));
  CHECK(cache.size() == 2);
  cache.clear();
  CHECK(cache.size() == 0);

  PemKeyCache private_cache(PemKeyCache::Kind::Private, 4);
  std::shared_ptr<EVP_PKEY> private_key = private_cache.get(kMastodonStylePrivateKey);
  REQUIRE(private_key);
  CHECK(private_cache.get(kMastodonStylePrivateKey) == private_key);
  CHECK_FALSE(private_cache.get(kMastodonStylePublicKey));  // a public key is not a private key
  CHECK(private_cache.get(kDraftTestPrivateKey));           // PKCS#1 "RSA PRIVATE KEY" too
  CHECK(private_cache.size() == 2);
}

TEST_CASE("signature key caches serve several threads signing and verifying at once", "[crypto][signature][cache]") {
  constexpr int kKeys = 6, kThreads = 4, kRounds = 150;
  std::vector<KeyPair> keys;
  for (int i = 0; i < kKeys; ++i) keys.push_back(generate_rsa_keypair(1024));
  std::vector<std::shared_ptr<EVP_PKEY>> reference;
  for (const KeyPair& k : keys) reference.push_back(parse_public_key_pem(k.public_pem));

  PemKeyCache small_cache(PemKeyCache::Kind::Public, 3);  // fewer slots than keys: constant eviction
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        size_t k = static_cast<size_t>((round * 7 + t) % kKeys);
        std::shared_ptr<EVP_PKEY> cached = small_cache.get(keys[k].public_pem);
        if (!cached || EVP_PKEY_eq(cached.get(), reference[k].get()) != 1) ++failures;
        if (small_cache.size() > 3) ++failures;

        std::string message = "message " + std::to_string(round) + " from thread " + std::to_string(t);
        std::optional<std::string> signature = sign_signing_string(keys[k].private_pem, message);
        if (!signature) {
          ++failures;
          continue;
        }
        if (verify_signature("rsa-sha256", keys[k].public_pem, message, *signature) != VerifyResult::Valid) ++failures;
        if (verify_signature("rsa-sha256", keys[(k + 1) % kKeys].public_pem, message, *signature) !=
            VerifyResult::Invalid) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(failures == 0);
  CHECK(small_cache.size() == 3);
}
