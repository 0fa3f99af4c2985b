#pragma once
// DomainBlock as GET /api/v1/instance/domain_blocks shows it: {domain, digest, severity, comment}.
#include <nlohmann/json.hpp>
#include <string>

#include "store/domain_block_store.hpp"

namespace vmst::convert::mastodon {

// The domain with its middle letters starred when the admin chose to obfuscate it, the way Mastodon does: the first
// and last quarter stay readable, dots stay, so people who know the name recognise it and others cannot read it.
std::string public_domain(const std::string& domain, bool obfuscate);

// `digest` is the SHA-256 of the real domain, so a server that knows a name can tell it is listed.
nlohmann::json domain_block_json(const store::PublicDomainBlock& block);

}  // namespace vmst::convert::mastodon
