#include "federation/blocked_signer.hpp"

#include "crypto/http_signature.hpp"
#include "net/url.hpp"
#include "store/domain_block_store.hpp"

namespace vmst::federation {

std::optional<std::string> refused_signer_host(store::Database& db, const IncomingRequest& request) {
  auto values = request.header("signature");
  if (values.empty()) return std::nullopt;
  auto params = crypto::parse_signature_header(values.front());
  if (!params) return std::nullopt;
  auto key_url = net::parse_url(params->key_id);
  if (!key_url) return std::nullopt;
  if (!db.read([&](store::Connection& c) { return store::refuses_federation_with(c, key_url->authority()); })) {
    return std::nullopt;
  }
  return key_url->host;
}

}  // namespace vmst::federation
