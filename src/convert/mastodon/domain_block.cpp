#include "convert/mastodon/domain_block.hpp"

#include "crypto/encoding.hpp"

namespace vmst::convert::mastodon {

std::string public_domain(const std::string& domain, bool obfuscate) {
  if (!obfuscate) return domain;
  const size_t length = domain.size();
  const size_t visible = length / 4;
  std::string out = domain;
  for (size_t i = 0; i < length; ++i) {
    if (i > visible && i < length - visible && domain[i] != '.') out[i] = '*';
  }
  return out;
}

nlohmann::json domain_block_json(const store::PublicDomainBlock& block) {
  return {{"domain", public_domain(block.domain, block.obfuscate)},
          {"digest", crypto::hex_encode(crypto::sha256(block.domain))},
          {"severity", block.severity},
          {"comment", block.public_comment.empty() ? nlohmann::json() : nlohmann::json(block.public_comment)}};
}

}  // namespace vmst::convert::mastodon
