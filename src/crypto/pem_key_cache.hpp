#pragma once
// Parsed OpenSSL keys by PEM text. Decoding a PEM into an EVP_PKEY costs several RSA verifies (~160 µs for an
// RSA-2048 public key, ~500 µs for a private key, against ~13-25 µs per verify), so the inbox keeps parsed actor
// keys here instead of re-parsing per request.
//
// Sharing: OpenSSL 3 objects are safe for concurrent use by APIs that do not modify them, and "two threads can
// calculate a signature using two different EVP_PKEY_CTX objects" (openssl-threads(7)). Signing and verifying
// through EVP_DigestSign*/EVP_DigestVerify* with a fresh EVP_MD_CTX per operation only reads the EVP_PKEY, so one
// cached key may serve any number of threads at once. Nothing here ever mutates a key after parsing.
#include <openssl/types.h>

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vmst::crypto {

// Parses a public key: SubjectPublicKeyInfo ("BEGIN PUBLIC KEY", RSA or Ed25519) or PKCS#1 ("BEGIN RSA PUBLIC
// KEY", which some servers publish). nullptr when the text is not such a PEM.
std::shared_ptr<EVP_PKEY> parse_public_key_pem(std::string_view pem);

// Parses an unencrypted private key: PKCS#8 ("BEGIN PRIVATE KEY", what generate_rsa_keypair writes) or PKCS#1
// ("BEGIN RSA PRIVATE KEY"). nullptr when the text is not such a PEM.
std::shared_ptr<EVP_PKEY> parse_private_key_pem(std::string_view pem);

// A bounded, thread-safe LRU map from PEM text to its parsed key.
class PemKeyCache {
 public:
  enum class Kind { Public, Private };

  // capacity >= 1. Private-key caches index entries by SHA-256 of the PEM so they hold no copy of the secret text.
  PemKeyCache(Kind kind, size_t capacity);
  PemKeyCache(const PemKeyCache&) = delete;
  PemKeyCache& operator=(const PemKeyCache&) = delete;

  // The parsed key, from the cache or parsed now and cached (evicting the least recently used entry when full);
  // nullptr when the PEM does not parse (failures are not cached, so garbage cannot push real keys out). Parsing
  // happens outside the lock; two threads missing on the same PEM at once both parse and one result is kept.
  // The returned pointer stays valid after eviction for as long as the caller holds it.
  std::shared_ptr<EVP_PKEY> get(std::string_view pem);

  size_t size() const;
  size_t capacity() const { return capacity_; }
  void clear();

 private:
  struct Entry {
    std::string index;  // PEM text, or its SHA-256 for private keys
    std::shared_ptr<EVP_PKEY> key;
  };

  const Kind kind_;
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Entry> recency_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> by_index_;  // views into recency_ nodes
};

// Process-wide caches used by verify_signature (4,096 public keys) and by the signing functions (1,024 private
// keys: one per local actor that delivers).
PemKeyCache& shared_public_key_cache();
PemKeyCache& shared_private_key_cache();

}  // namespace vmst::crypto
