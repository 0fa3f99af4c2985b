#include "delivery/delivery_signer.hpp"

#include "crypto/encoding.hpp"
#include "crypto/http_date.hpp"
#include "crypto/http_digest.hpp"
#include "crypto/http_signature.hpp"

namespace vmst::delivery {

ActivityPayload make_payload(int64_t id, std::string body) {
  ActivityPayload p;
  p.id = id;
  p.digest = crypto::digest_header(body);
  p.content_digest = "sha-256=:" + crypto::base64_encode(crypto::sha256(body)) + ":";
  p.body = std::move(body);
  return p;
}

std::optional<httplib::Headers> signed_delivery_headers(const SenderKey& key, const net::Url& inbox,
                                                        const ActivityPayload& payload, int64_t now_millis) {
  std::vector<std::pair<std::string, std::string>> signed_headers = {
      {"host", inbox.authority()},
      {"date", crypto::http_date(now_millis / 1000)},
      {"digest", payload.digest},
  };
  auto signature = crypto::sign_request(key.key_id, key.private_key_pem, "POST", inbox.path_and_query, signed_headers);
  if (!signature) return std::nullopt;
  httplib::Headers headers;
  // Host is set here so the value sent is exactly the value signed.
  headers.emplace("Host", signed_headers[0].second);
  headers.emplace("Date", signed_headers[1].second);
  headers.emplace("Digest", payload.digest);
  headers.emplace("Content-Digest", payload.content_digest);
  headers.emplace("Signature", *signature);
  return headers;
}

}  // namespace vmst::delivery
