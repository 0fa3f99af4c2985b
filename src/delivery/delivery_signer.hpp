#pragma once
// The headers that make a delivery POST acceptable to Mastodon and others (docs/federation.md §5.1, §7): Host,
// Date (fresh, at send time), Digest, Content-Digest and a draft-cavage Signature over
// `(request-target) host date digest`, signed with the sender's RSA key.
//
// Pure and thread-safe: runs on the worker that sends. The private key is parsed once and kept in
// crypto::shared_private_key_cache(); the digests are computed once per activity body (ActivityPayload).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <httplib.h>

#include "net/url.hpp"

namespace vmst::delivery {

// One activity as every job of its fan-out sends it.
struct ActivityPayload {
  int64_t id = 0;
  std::string body;
  std::string digest;          // "SHA-256=<base64>"
  std::string content_digest;  // RFC 9530: "sha-256=:<base64>:"
};
ActivityPayload make_payload(int64_t id, std::string body);

// The key a local actor signs with.
struct SenderKey {
  std::string key_id;  // e.g. https://example.com/users/alice#main-key
  std::string private_key_pem;
};

// Headers for POSTing `payload` to `inbox` at `now_millis`, or nullopt when the key cannot sign.
std::optional<httplib::Headers> signed_delivery_headers(const SenderKey& key, const net::Url& inbox,
                                                        const ActivityPayload& payload, int64_t now_millis);

}  // namespace vmst::delivery
